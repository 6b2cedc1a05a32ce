// revisionHistoryLimit (upstream cleanupDeployment): the oldest empty ReplicaSets beyond the limit go.
import { StatusError } from '../../../shared/k8s/status';
import type { Obj } from '../client';
import type { SyncState } from './deployment-replicasets';
import { revisionOf } from './deployment-util';

export async function cleanupDeployment(s: SyncState, oldRSs: Obj[]): Promise<void> {
  const limit = s.d.spec.revisionHistoryLimit;
  if (limit === undefined || limit === null) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const byRevision = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  for (const rs of byRevision.slice(0, diff)) {
    // Only ReplicaSets whose pods are all gone and whose last change has been seen.
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec?.replicas ?? 1) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    try {
      await s.client.delete('apps/v1', 'ReplicaSet', rs.metadata.namespace, rs.metadata.name, { preconditions: { uid: rs.metadata.uid } });
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
}
