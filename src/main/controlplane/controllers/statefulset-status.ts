// StatefulSet status as upstream computes it after each pass: counts of pods that exist, are ready,
// available, and at the current and update revisions; the rollout completes (current := update)
// once every replica is updated and ready.
import type { Obj } from '../client';
import { podRevision } from './statefulset-identity';
import { isPodAvailable, isRunningAndReady, isTerminating } from './util/pod-health';

export interface StsStatusInput {
  set: Obj;
  pods: Obj[];
  current: Obj;
  update: Obj;
  collisionCount: number;
  nowMs: number;
}

export function statefulSetStatus({ set, pods, current, update, collisionCount, nowMs }: StsStatusInput): Obj {
  const minReady = set.spec?.minReadySeconds ?? 0;
  const status: Obj = {
    observedGeneration: set.metadata.generation,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision: current.metadata.name,
    updateRevision: update.metadata.name,
    collisionCount,
  };
  for (const pod of pods) {
    status.replicas++;
    if (isRunningAndReady(pod)) {
      status.readyReplicas++;
      if (isPodAvailable(pod, minReady, nowMs)) status.availableReplicas++;
    }
    if (isTerminating(pod)) continue;
    if (podRevision(pod) === current.metadata.name) status.currentReplicas++;
    if (podRevision(pod) === update.metadata.name) status.updatedReplicas++;
  }
  const rolling = set.spec?.updateStrategy?.type === 'RollingUpdate';
  // against the desired count, as upstream's completeRollingUpdate: between deleting an old pod and
  // creating its replacement, the pods that exist can all be updated while one is still missing
  const desired = set.spec?.replicas ?? 1;
  if (rolling && status.updatedReplicas === desired && status.readyReplicas === desired && status.replicas === desired) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
  if (set.status?.conditions) status.conditions = set.status.conditions;
  return status;
}

/** only the fields we own, so an unchanged status is not rewritten */
export function sameStatus(a: Obj | undefined, b: Obj): boolean {
  if (!a) return false;
  return Object.keys(b).every((k) => JSON.stringify(a[k] ?? 0) === JSON.stringify(b[k] ?? 0));
}
