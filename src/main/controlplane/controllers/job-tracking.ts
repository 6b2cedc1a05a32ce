// Upstream's finished-pod accounting: a finished pod still holding the job-tracking finalizer is first
// written into status.uncountedTerminatedPods, then its finalizer is removed, then it is moved into
// succeeded/failed (and completedIndexes). So no pod is counted twice or lost if the controller dies.
import type { ApiClient, Obj } from '../client';
import { JOB_TRACKING_FINALIZER, formatIndexes, hasTrackingFinalizer, indexOf, isFinished, isSucceeded, parseIndexes } from './job-pods';

export interface TrackResult {
  /** the job as last written (its resourceVersion matters for the next status write) */
  job: Obj;
  status: Obj;
}

/** a pod deleted by the controller itself (suspend, success, failure) is not a failure */
type Ignore = (pod: Obj) => boolean;

export async function trackFinishedPods(client: ApiClient, job: Obj, pods: Obj[], ignore: Ignore): Promise<TrackResult> {
  const status = structuredClone(job.status ?? {});
  const uncounted = { succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])], failed: [...(status.uncountedTerminatedPods?.failed ?? [])] };
  const known = new Set([...uncounted.succeeded, ...uncounted.failed]);
  const finished = pods.filter((p) => hasTrackingFinalizer(p) && isFinished(p));
  const fresh = finished.filter((p) => !known.has(p.metadata.uid) && !ignore(p));
  let current = job;
  if (fresh.length > 0) {
    for (const p of fresh) (isSucceeded(p) ? uncounted.succeeded : uncounted.failed).push(p.metadata.uid);
    status.uncountedTerminatedPods = uncounted;
    current = await client.updateStatus({ ...structuredClone(job), status });
  }
  await Promise.all(finished.map((p) => removeTrackingFinalizer(client, p)));
  if (uncounted.succeeded.length + uncounted.failed.length === 0) return { job: current, status: structuredClone(current.status ?? {}) };
  const next = structuredClone(current.status ?? {});
  countUncounted(next, uncounted, pods);
  return { job: current, status: next };
}

function countUncounted(status: Obj, uncounted: { succeeded: string[]; failed: string[] }, pods: Obj[]): void {
  const byUid = new Map(pods.map((p) => [p.metadata.uid, p]));
  const indexes = parseIndexes(status.completedIndexes);
  status.succeeded = (status.succeeded ?? 0) + uncounted.succeeded.length;
  status.failed = (status.failed ?? 0) + uncounted.failed.length;
  for (const uid of uncounted.succeeded) {
    const i = byUid.get(uid) ? indexOf(byUid.get(uid)!) : undefined;
    if (i !== undefined) indexes.add(i);
  }
  if (indexes.size > 0) status.completedIndexes = formatIndexes(indexes);
  status.uncountedTerminatedPods = {};
}

export async function removeTrackingFinalizer(client: ApiClient, pod: Obj): Promise<void> {
  if (!hasTrackingFinalizer(pod)) return;
  const finalizers = (pod.metadata.finalizers as string[]).filter((f) => f !== JOB_TRACKING_FINALIZER);
  try {
    await client.patch('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null, resourceVersion: pod.metadata.resourceVersion } });
  } catch (err) {
    if ((err as { code?: number }).code !== 404) throw err;
  }
}
