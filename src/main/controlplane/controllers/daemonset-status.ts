// DaemonSet status as upstream's updateDaemonSetStatus counts it, per node.
import type { Obj } from '../client';
import type { NodeState } from './daemonset-manage';
import { isUpdated } from './daemonset-pods';
import { isPodAvailable, isPodReady, isTerminating } from './util/pod-health';

/** the pod that speaks for a node: a ready updated one, else a ready one, else the oldest */
function representative(pods: Obj[], hash: string): Obj | undefined {
  const live = pods.filter((p) => !isTerminating(p));
  return live.find((p) => isPodReady(p) && isUpdated(p, hash)) ?? live.find(isPodReady) ?? live[0] ?? pods[0];
}

export function daemonSetStatus(ds: Obj, states: NodeState[], hash: string, nowMs: number): Obj {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const s = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 };
  for (const { placement, pods } of states) {
    const scheduled = pods.length > 0;
    if (placement.shouldRun) {
      s.desiredNumberScheduled++;
      if (!scheduled) continue;
      s.currentNumberScheduled++;
      const pod = representative(pods, hash)!;
      if (isPodReady(pod)) {
        s.numberReady++;
        if (isPodAvailable(pod, minReady, nowMs)) s.numberAvailable++;
      }
      if (isUpdated(pod, hash)) s.updatedNumberScheduled++;
    } else if (scheduled) {
      s.numberMisscheduled++;
    }
  }
  s.numberUnavailable = s.desiredNumberScheduled - s.numberAvailable;
  const status: Obj = { ...s, observedGeneration: ds.metadata.generation };
  if (ds.status?.collisionCount) status.collisionCount = ds.status.collisionCount;
  if (ds.status?.conditions) status.conditions = ds.status.conditions;
  return status;
}
