// Scaling a Deployment without rolling it (upstream sync.go: isScalingEvent, scale, sync): when
// spec.replicas changes mid-rollout, the extra (or missing) replicas are shared among the active
// ReplicaSets in proportion to their size, so the rollout's shape is kept.
import type { Obj } from '../client';
import { cleanupDeployment } from './deployment-cleanup';
import { getAllReplicaSets, scaleReplicaSet, type SyncState } from './deployment-replicasets';
import { syncDeploymentStatus } from './deployment-status';
import { activeReplicaSets, desiredReplicasAnnotation, isRolling, maxSurge, specReplicas, totalReplicas, MAX_REPLICAS } from './deployment-util';

/** some active ReplicaSet was sized for a different spec.replicas */
export async function isScalingEvent(s: SyncState): Promise<boolean> {
  const { newRS, oldRSs } = await getAllReplicaSets(s, false);
  const all = activeReplicaSets(newRS ? [newRS, ...oldRSs] : oldRSs);
  return all.some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== specReplicas(s.d);
  });
}

/** scale only, plus history cleanup while paused: what a paused or resized Deployment gets */
export async function syncScaleOnly(s: SyncState): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSets(s, false);
  await scale(s, newRS, oldRSs);
  const fresh = (rs: Obj): Obj => s.rsList.find((x) => x.metadata.uid === rs.metadata.uid) ?? rs;
  const newOne = newRS ? fresh(newRS) : undefined;
  const olds = oldRSs.map(fresh);
  if (s.d.spec.paused) await cleanupDeployment(s, olds);
  await syncDeploymentStatus(s, newOne ? [...olds, newOne] : olds, newOne);
}

async function scale(s: SyncState, newRS: Obj | undefined, oldRSs: Obj[]): Promise<void> {
  const want = specReplicas(s.d);
  const all = newRS ? [newRS, ...oldRSs] : oldRSs;
  const active = activeReplicaSets(all);
  // One active ReplicaSet (or none: the newest) simply takes the whole size.
  if (active.length <= 1) {
    const only = active[0] ?? newRS ?? latest(oldRSs);
    // Also refreshes its desired/max annotations, so this stops being a scaling event.
    if (only) await scaleReplicaSet(s, only, want);
    return;
  }
  // The new ReplicaSet is full and available: the old ones just go.
  if (newRS && specReplicas(newRS) === want && (newRS.status?.availableReplicas ?? 0) === want && desiredReplicasAnnotation(newRS) === want) {
    for (const rs of active) if (rs !== newRS) await scaleReplicaSet(s, rs, 0);
    return;
  }
  if (isRolling(s.d)) await scaleProportionally(s, active);
}

const latest = (rss: Obj[]): Obj | undefined =>
  [...rss].sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''))[0];

async function scaleProportionally(s: SyncState, active: Obj[]): Promise<void> {
  const want = specReplicas(s.d);
  const allowed = want > 0 ? want + maxSurge(s.d) : 0;
  const toAdd = allowed - totalReplicas(active);
  if (toAdd === 0) return;
  // Growing favours the biggest, newest; shrinking takes from the biggest, oldest.
  const sorted = [...active].sort((a, b) => specReplicas(b) - specReplicas(a) || newerFirst(a, b) * (toAdd > 0 ? 1 : -1));
  const sizes = new Map<Obj, number>();
  let added = 0;
  for (const rs of sorted) {
    const p = proportion(s, rs, toAdd, added);
    sizes.set(rs, specReplicas(rs) + p);
    added += p;
  }
  // Whatever rounding left over goes to the first (largest) one.
  if (toAdd !== added) sizes.set(sorted[0], Math.max(0, sizes.get(sorted[0])! + toAdd - added));
  for (const rs of sorted) await scaleReplicaSet(s, rs, sizes.get(rs)!);
}

const newerFirst = (a: Obj, b: Obj): number => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '');

/** GetProportion: this ReplicaSet's share of toAdd, never more than is left */
function proportion(s: SyncState, rs: Obj, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(s, rs);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(s: SyncState, rs: Obj): number {
  if (specReplicas(s.d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(s.d) + maxSurge(s.d);
  const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
  const previous = Number.isFinite(annotated) ? annotated : (s.d.status?.replicas ?? 0);
  if (!previous) return 0;
  return Math.round((specReplicas(rs) * deploymentReplicas) / previous) - specReplicas(rs);
}
