// Pod readiness as the workload controllers judge it (upstream's podutil.IsPodReady / IsPodAvailable).
import type { Obj } from '../../client';

const readyCondition = (pod: Obj): Obj | undefined => (pod.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');

export const isPodReady = (pod: Obj): boolean => readyCondition(pod)?.status === 'True';

export const isTerminating = (pod: Obj): boolean => Boolean(pod.metadata?.deletionTimestamp);

export const isRunningAndReady = (pod: Obj): boolean => pod.status?.phase === 'Running' && isPodReady(pod);

export const hasFinished = (pod: Obj): boolean => pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';

/** ready for at least minReadySeconds, judged by the Ready condition's lastTransitionTime */
export function isPodAvailable(pod: Obj, minReadySeconds: number, nowMs: number): boolean {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = Date.parse(ready.lastTransitionTime ?? '');
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= nowMs;
}

/** how long until a ready pod becomes available; undefined when it is not ready or already available */
export function msUntilAvailable(pod: Obj, minReadySeconds: number, nowMs: number): number | undefined {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True' || !minReadySeconds) return undefined;
  const since = Date.parse(ready.lastTransitionTime ?? '');
  const left = since + minReadySeconds * 1000 - nowMs;
  return Number.isFinite(left) && left > 0 ? left : undefined;
}
