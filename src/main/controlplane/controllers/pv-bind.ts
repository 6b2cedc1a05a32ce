// Binding a claim and a volume to each other, in upstream's order (pv_controller.bind): the volume's
// claimRef, the volume's phase, the claim's volumeName with its annotations, the claim's phase.
// Every step is idempotent, so a pass interrupted half way finishes on the next one.
import type { ApiClient, Obj } from '../client';

export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';

const claimRefOf = (claim: Obj): Obj => ({
  kind: 'PersistentVolumeClaim',
  namespace: claim.metadata.namespace,
  name: claim.metadata.name,
  uid: claim.metadata.uid,
  apiVersion: 'v1',
  resourceVersion: claim.metadata.resourceVersion,
});

export async function setVolumePhase(client: ApiClient, pv: Obj, phase: string, message?: string): Promise<Obj> {
  if (pv.status?.phase === phase) return pv;
  const next = structuredClone(pv);
  next.status = { ...(next.status ?? {}), phase, ...(message ? { message } : {}) };
  if (!message) delete next.status.message;
  return client.updateStatus(next);
}

export async function setClaimPhase(client: ApiClient, claim: Obj, phase: string, pv?: Obj): Promise<Obj> {
  const status: Obj = { ...(claim.status ?? {}), phase };
  if (pv && phase === 'Bound') Object.assign(status, { accessModes: pv.spec.accessModes, capacity: pv.spec.capacity });
  if (JSON.stringify(status) === JSON.stringify(claim.status)) return claim;
  return client.updateStatus({ ...structuredClone(claim), status });
}

/** binds both ways; returns the claim as stored */
export async function bind(client: ApiClient, pvIn: Obj, claimIn: Obj): Promise<Obj> {
  let pv = structuredClone(pvIn);
  if (pv.spec.claimRef?.uid !== claimIn.metadata.uid) {
    if (!pv.spec.claimRef) pv.metadata.annotations = { ...(pv.metadata.annotations ?? {}), [BOUND_BY_CONTROLLER]: 'yes' };
    pv.spec.claimRef = claimRefOf(claimIn);
    pv = await client.update(pv);
  }
  pv = await setVolumePhase(client, pv, 'Bound');
  let claim = structuredClone(claimIn);
  const annotations = claim.metadata.annotations ?? {};
  if (claim.spec.volumeName !== pv.metadata.name || annotations[BIND_COMPLETED] !== 'yes') {
    if (claim.spec.volumeName !== pv.metadata.name) annotations[BOUND_BY_CONTROLLER] = 'yes';
    annotations[BIND_COMPLETED] = 'yes';
    claim.metadata.annotations = annotations;
    claim.spec.volumeName = pv.metadata.name;
    claim = await client.update(claim);
  }
  return setClaimPhase(client, claim, 'Bound', pv);
}
