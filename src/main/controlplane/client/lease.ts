// The Lease record leader election reads and writes (coordination.k8s.io/v1 LeaseSpec).
import type { Obj } from './api-client';

export interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

/** the record after `identity` takes or renews the lease: a new holder resets acquireTime and counts a transition */
export const nextSpec = (current: LeaseSpec | undefined, identity: string, leaseDurationSeconds: number, now: string): LeaseSpec => {
  const renewing = current?.holderIdentity === identity;
  return {
    holderIdentity: identity,
    leaseDurationSeconds,
    acquireTime: renewing && current?.acquireTime ? current.acquireTime : now,
    renewTime: now,
    leaseTransitions: current === undefined ? 0 : renewing ? (current.leaseTransitions ?? 0) : (current.leaseTransitions ?? 0) + 1,
  };
};

/** what a leader leaves on stop, as client-go's release: no holder and a one-second duration, so a successor takes over at once */
export const releasedSpec = (current: LeaseSpec, now: string): LeaseSpec => ({
  leaseDurationSeconds: 1,
  acquireTime: now,
  renewTime: now,
  leaseTransitions: current.leaseTransitions ?? 0,
});

export const leaseFor = (name: string, namespace: string, spec: LeaseSpec): Obj => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name, namespace },
  spec,
});
