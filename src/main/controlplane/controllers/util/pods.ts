// Pod facts controllers count by, as upstream's podutil: active, ready, available after minReadySeconds.
import type { Obj } from '../../client';

export const isPodActive = (pod: Obj): boolean =>
  pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata?.deletionTimestamp;

export function readyCondition(pod: Obj): Obj | undefined {
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) if (conditions[i].type === 'Ready') return conditions[i];
  return undefined;
}

export const isPodReady = (pod: Obj): boolean => readyCondition(pod)?.status === 'True';

/** ready for at least minReadySeconds by `nowMs` */
export function isPodAvailable(pod: Obj, minReadySeconds: number, nowMs: number): boolean {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = Date.parse(ready.lastTransitionTime ?? '');
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= nowMs;
}

export const restartCount = (pod: Obj): number =>
  (pod.status?.containerStatuses ?? []).reduce((n: number, s: Obj) => Math.max(n, s.restartCount ?? 0), 0);
