// The RollingUpdate strategy (upstream rolling.go): grow the new ReplicaSet up to replicas+maxSurge
// pods in total, shrink old ones while at least replicas-maxUnavailable pods stay available.
import type { Obj } from '../client';
import { scaleReplicaSet, type SyncState } from './deployment-replicasets';
import { cleanupDeployment } from './deployment-cleanup';
import { syncRolloutStatus } from './deployment-status';
import { activeReplicaSets, availableReplicas, deploymentComplete, maxUnavailable, newRSNewReplicas, sortByCreation, specReplicas, totalReplicas } from './deployment-util';
import { calculateStatus } from './deployment-status';
import { getAllReplicaSets } from './deployment-replicasets';

export async function rolloutRolling(s: SyncState): Promise<number | undefined> {
  const { newRS, oldRSs } = await getAllReplicaSets(s, true);
  const allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
  if (newRS && (await reconcileNewReplicaSet(s, allRSs, newRS))) return syncRolloutStatus(s, allRSs, newRS);
  if (await reconcileOldReplicaSets(s, allRSs, activeReplicaSets(oldRSs), newRS)) return syncRolloutStatus(s, allRSs, newRS);
  if (deploymentComplete(s.d, calculateStatus(s, allRSs, newRS))) await cleanupDeployment(s, oldRSs);
  return syncRolloutStatus(s, allRSs, newRS);
}

async function reconcileNewReplicaSet(s: SyncState, allRSs: Obj[], newRS: Obj): Promise<boolean> {
  const want = specReplicas(s.d);
  if (specReplicas(newRS) === want) return false;
  if (specReplicas(newRS) > want) return (await scaleReplicaSet(s, newRS, want)).scaled;
  return (await scaleReplicaSet(s, newRS, newRSNewReplicas(s.d, allRSs, newRS))).scaled;
}

async function reconcileOldReplicaSets(s: SyncState, allRSs: Obj[], oldRSs: Obj[], newRS: Obj | undefined): Promise<boolean> {
  if (totalReplicas(oldRSs) === 0) return false;
  const minAvailable = specReplicas(s.d) - maxUnavailable(s.d);
  const newUnavailable = newRS ? specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  const maxScaledDown = totalReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Unhealthy old pods go first: removing them costs no availability.
  const { cleaned, remaining } = await cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const freshAll = newRS ? [...remaining, newRS] : remaining;
  const scaledDown = await scaleDownOldForRollingUpdate(s, freshAll, remaining);
  return cleaned + scaledDown > 0;
}

async function cleanupUnhealthyReplicas(s: SyncState, oldRSs: Obj[], maxCleanup: number): Promise<{ cleaned: number; remaining: Obj[] }> {
  let cleaned = 0;
  const remaining: Obj[] = [];
  for (const rs of sortByCreation(oldRSs)) {
    const replicas = specReplicas(rs);
    const unhealthy = replicas - (rs.status?.availableReplicas ?? 0);
    if (cleaned >= maxCleanup || replicas === 0 || unhealthy <= 0) {
      remaining.push(rs);
      continue;
    }
    const down = Math.min(maxCleanup - cleaned, unhealthy);
    const { rs: updated } = await scaleReplicaSet(s, rs, replicas - down);
    cleaned += down;
    remaining.push(updated);
  }
  return { cleaned, remaining };
}

async function scaleDownOldForRollingUpdate(s: SyncState, allRSs: Obj[], oldRSs: Obj[]): Promise<number> {
  const minAvailable = specReplicas(s.d) - maxUnavailable(s.d);
  const available = availableReplicas(allRSs);
  if (available <= minAvailable) return 0;
  const total = available - minAvailable;
  let done = 0;
  for (const rs of sortByCreation(oldRSs)) {
    if (done >= total) break;
    if (specReplicas(rs) === 0) continue;
    const down = Math.min(specReplicas(rs), total - done);
    await scaleReplicaSet(s, rs, specReplicas(rs) - down);
    done += down;
  }
  return done;
}
