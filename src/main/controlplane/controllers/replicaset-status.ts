// A ReplicaSet's status from the pods it owns, as upstream's calculateStatus/updateReplicaSetStatus:
// counts, observedGeneration, and the ReplicaFailure condition while creates or deletes fail.
import { StatusError } from '../../../shared/k8s/status';
import type { ApiClient, Obj } from '../client';
import { canonicalJson } from './util/hash';
import { getCondition, newCondition, removeCondition, setCondition } from './util/conditions';
import { readyCondition } from './util/pods';

const readySince = (cond: Obj): number => Date.parse(cond.lastTransitionTime ?? '') || Number.POSITIVE_INFINITY;

export function calculateReplicaSetStatus(rs: Obj, pods: Obj[], manageError: unknown, nowMs: number): Obj {
  const templateLabels = Object.entries<string>(rs.spec?.template?.metadata?.labels ?? {});
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    const labels = p.metadata.labels ?? {};
    if (templateLabels.every(([k, v]) => labels[k] === v)) fullyLabeled++;
    const cond = readyCondition(p);
    if (cond?.status === 'True') {
      ready++;
      if (!minReady || readySince(cond) + minReady * 1000 <= nowMs) available++;
    }
  }
  const status: Obj = { ...structuredClone(rs.status ?? {}), replicas: pods.length, observedGeneration: rs.metadata.generation };
  for (const [field, n] of [['fullyLabeledReplicas', fullyLabeled], ['readyReplicas', ready], ['availableReplicas', available]] as const) {
    if (n) status[field] = n;
    else delete status[field];
  }
  if (manageError && !getCondition(status, 'ReplicaFailure')) {
    const reason = pods.length < (rs.spec?.replicas ?? 1) ? 'FailedCreate' : 'FailedDelete';
    setCondition(status, newCondition('ReplicaFailure', 'True', reason, (manageError as Error).message, nowMs, false));
  } else if (!manageError) {
    removeCondition(status, 'ReplicaFailure');
  }
  return status;
}

const sameStatus = (a: Obj | undefined, b: Obj): boolean => canonicalJson(a ?? {}) === canonicalJson(b);

/** writes the status when it changed; retries once on a fresh copy after a conflict, as upstream */
export async function updateReplicaSetStatus(client: ApiClient, rs: Obj, status: Obj): Promise<Obj> {
  if (sameStatus(rs.status, status)) return rs;
  const next = { ...structuredClone(rs), status };
  try {
    return await client.updateStatus(next);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 409)) throw err;
    const fresh = await client.get('apps/v1', 'ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    return client.updateStatus({ ...fresh, status: { ...status, observedGeneration: fresh.metadata.generation === rs.metadata.generation ? status.observedGeneration : fresh.status?.observedGeneration } });
  }
}
