// A Deployment's status and its Available/Progressing conditions, as upstream's calculateStatus,
// syncRolloutStatus and checkPausedConditions. `kubectl rollout status` reads exactly these fields.
import type { Obj } from '../client';
import { getCondition, newCondition, removeCondition, setCondition } from './util/conditions';
import { canonicalJson } from './util/hash';
import { saveStatus, type SyncState } from './deployment-replicasets';
import { actualReplicas, availableReplicas, deploymentComplete, hasProgressDeadline, maxUnavailable, readyReplicas, specReplicas, totalReplicas } from './deployment-util';

export function calculateStatus(s: SyncState, allRSs: Obj[], newRS: Obj | undefined): Obj {
  const d = s.d;
  const available = availableReplicas(allRSs);
  const status: Obj = {
    ...structuredClone(d.status ?? {}),
    observedGeneration: d.metadata.generation,
    replicas: actualReplicas(allRSs),
    updatedReplicas: newRS ? actualReplicas([newRS]) : 0,
    readyReplicas: readyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, totalReplicas(allRSs) - available),
  };
  for (const f of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (!status[f]) delete status[f];
  const now = s.clock.now();
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}

const same = (a: Obj | undefined, b: Obj): boolean => canonicalJson(a ?? {}) === canonicalJson(b);

/** status only (paused, scaling, deleting) */
export async function syncDeploymentStatus(s: SyncState, allRSs: Obj[], newRS: Obj | undefined): Promise<void> {
  const status = calculateStatus(s, allRSs, newRS);
  if (!same(s.d.status, status)) await saveStatus(s, status);
}

/** DeploymentProgressing: more updated, fewer old, or more ready/available than last time */
function progressing(old: Obj, next: Obj): boolean {
  const n = (o: Obj, f: string): number => o[f] ?? 0;
  return (
    n(next, 'updatedReplicas') > n(old, 'updatedReplicas') ||
    n(next, 'replicas') - n(next, 'updatedReplicas') < n(old, 'replicas') - n(old, 'updatedReplicas') ||
    n(next, 'readyReplicas') > n(old, 'readyReplicas') ||
    n(next, 'availableReplicas') > n(old, 'availableReplicas')
  );
}

function timedOut(s: SyncState, status: Obj): boolean {
  if (!hasProgressDeadline(s.d)) return false;
  const cond = getCondition(status, 'Progressing');
  if (!cond || cond.reason === 'NewReplicaSetAvailable') return false;
  if (cond.reason === 'ProgressDeadlineExceeded') return true;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  return from + (s.d.spec.progressDeadlineSeconds ?? 600) * 1000 < s.clock.now();
}

/** status plus the Progressing condition; returns when to look again for a deadline still running */
export async function syncRolloutStatus(s: SyncState, allRSs: Obj[], newRS: Obj | undefined): Promise<number | undefined> {
  const status = calculateStatus(s, allRSs, newRS);
  if (!hasProgressDeadline(s.d)) removeCondition(status, 'Progressing');
  const current = getCondition(status, 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
  const now = s.clock.now();
  const name = newRS?.metadata.name;
  if (hasProgressDeadline(s.d) && !complete && newRS) {
    if (deploymentComplete(s.d, status)) {
      setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`, now));
    } else if (progressing(s.d.status ?? {}, status)) {
      const cond = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, now);
      if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(status, 'Progressing');
      setCondition(status, cond);
    } else if (timedOut(s, status)) {
      setCondition(status, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${name}" has timed out progressing.`, now));
    }
  }
  syncReplicaFailure(status, allRSs, now);
  if (!same(s.d.status, status)) {
    await saveStatus(s, status);
    return undefined;
  }
  return stuckRequeue(s, status);
}

function syncReplicaFailure(status: Obj, allRSs: Obj[], now: number): void {
  const failure = allRSs.map((rs) => getCondition(rs.status, 'ReplicaFailure')).find((c) => c?.status === 'True');
  if (failure) setCondition(status, newCondition('ReplicaFailure', failure.status, failure.reason ?? '', failure.message ?? '', now));
  else removeCondition(status, 'ReplicaFailure');
}

/** requeueStuckDeployment: when a rollout that stopped moving will cross its deadline */
function stuckRequeue(s: SyncState, status: Obj): number | undefined {
  const cond = getCondition(status, 'Progressing');
  if (!hasProgressDeadline(s.d) || !cond || cond.reason === 'NewReplicaSetAvailable' || cond.reason === 'ProgressDeadlineExceeded') return undefined;
  if (cond.reason === 'DeploymentPaused') return undefined;
  const after = Date.parse(cond.lastUpdateTime ?? '') + (s.d.spec.progressDeadlineSeconds ?? 600) * 1000 - s.clock.now();
  return Math.max(0, after) + 1000;
}

/** Progressing Unknown DeploymentPaused / DeploymentResumed as spec.paused flips */
export async function checkPausedConditions(s: SyncState): Promise<void> {
  if (!hasProgressDeadline(s.d)) return;
  const cond = getCondition(s.d.status, 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') return;
  const pausedShown = cond?.reason === 'DeploymentPaused';
  const paused = !!s.d.spec.paused;
  if (paused === pausedShown) return;
  const status = structuredClone(s.d.status ?? {});
  const now = s.clock.now();
  if (paused) setCondition(status, newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now));
  else setCondition(status, newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now));
  await saveStatus(s, status);
}
