// The Recreate strategy (upstream recreate.go): every old pod is gone before the new ReplicaSet grows.
import type { Obj } from '../client';
import { getAllReplicaSets, scaleReplicaSet, type SyncState } from './deployment-replicasets';
import { cleanupDeployment } from './deployment-cleanup';
import { calculateStatus, syncRolloutStatus } from './deployment-status';
import { activeReplicaSets, actualReplicas, deploymentComplete, specReplicas } from './deployment-util';

export async function rolloutRecreate(s: SyncState): Promise<number | undefined> {
  let { newRS, oldRSs } = await getAllReplicaSets(s, false);
  let allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) if ((await scaleReplicaSet(s, rs, 0)).scaled) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(s, allRSs, newRS);
  if (oldPodsRunning(s, oldRSs)) return syncRolloutStatus(s, allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = await getAllReplicaSets(s, true));
    allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
  }
  if (newRS) await scaleReplicaSet(s, newRS, specReplicas(s.d));
  if (deploymentComplete(s.d, calculateStatus(s, allRSs, newRS))) await cleanupDeployment(s, oldRSs);
  return syncRolloutStatus(s, allRSs, newRS);
}

/** any old pod not yet finished (its ReplicaSet still counts it, or the pod is still there) */
function oldPodsRunning(s: SyncState, oldRSs: Obj[]): boolean {
  if (actualReplicas(oldRSs) > 0) return true;
  const old = new Set(oldRSs.map((rs) => rs.metadata.uid));
  return s.pods.some((p) => {
    const owner = (p.metadata.ownerReferences ?? []).find((r: Obj) => r.controller);
    return owner && old.has(owner.uid) && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded';
  });
}
