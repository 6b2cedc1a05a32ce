// One pass over a pod's containers, as kubelet's computePodActions: init containers one at a time in
// order (a sidecar — restartPolicy Always — starts in its turn and keeps running), then every main
// container; exited containers restart as restartPolicy says, through the CrashLoopBackOff backoff.
// Answers when the pod should be looked at again (a backoff ends, a start error may have cleared).
import type { RestartBackoff } from './backoff';
import { ensureRecord, type ContainerRecord, type Health, type PodRecord } from './record';
import { startContainer, type StartDeps } from './start';

type Obj = Record<string, any>;

/** how soon a container that could not start (missing executable, missing configmap) is tried again */
export const START_RETRY_MS = 10_000;

export interface SyncDeps extends StartDeps {
  backoff: RestartBackoff;
  health(rec: PodRecord, r: ContainerRecord): Health;
  /** runs postStart; a failure kills the instance */
  afterStart(rec: PodRecord, r: ContainerRecord, c: Obj): Promise<void>;
  stop(rec: PodRecord, r: ContainerRecord, c: Obj, graceMs: number): Promise<void>;
}

const earliest = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

export async function syncContainers(rec: PodRecord, pod: Obj, deps: SyncDeps): Promise<number | undefined> {
  const spec = pod.spec ?? {};
  const policy: string = spec.restartPolicy ?? 'Always';
  let requeue: number | undefined;
  let initDone = true;
  for (const c of (spec.initContainers ?? []) as Obj[]) {
    const r = ensureRecord(rec, c, true);
    if (r.sidecar) {
      if (!rec.finished) requeue = earliest(requeue, await ensureRunning(rec, r, c, pod, true, deps));
      if (r.instance?.running && deps.health(rec, r).started) continue;
    } else if (r.exited?.exitCode === 0 && !r.instance) continue;
    else if (!r.instance && !r.starting && !(r.exited && policy === 'Never')) requeue = earliest(requeue, await ensureRunning(rec, r, c, pod, true, deps));
    initDone = false;
    break;
  }
  if (!initDone) return requeue;
  const mains = (spec.containers ?? []) as Obj[];
  const waits = await Promise.all(
    mains.map((c) => {
      const r = ensureRecord(rec, c, false);
      const allowed = policy === 'Always' || (policy === 'OnFailure' && (r.exited?.exitCode ?? 0) !== 0);
      return ensureRunning(rec, r, c, pod, allowed, deps);
    }),
  );
  for (const w of waits) requeue = earliest(requeue, w);
  if (policy !== 'Always') await finishSidecars(rec, pod, deps);
  return requeue;
}

/** once every main container has ended for good, sidecars are stopped (kubelet ≥ 1.29) */
async function finishSidecars(rec: PodRecord, pod: Obj, deps: SyncDeps): Promise<void> {
  const mains = (pod.spec.containers ?? []) as Obj[];
  const done = mains.every((c) => {
    const r = rec.containers.get(c.name);
    return r?.exited && !r.instance && !r.starting && !(r.waiting?.reason === 'CrashLoopBackOff');
  });
  if (!done || rec.finished) return;
  rec.finished = true;
  const grace = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  const sidecars = ((pod.spec.initContainers ?? []) as Obj[]).filter((c) => c.restartPolicy === 'Always').reverse();
  for (const c of sidecars) {
    const r = rec.containers.get(c.name);
    if (r) void deps.stop(rec, r, c, grace);
  }
}

async function ensureRunning(rec: PodRecord, r: ContainerRecord, c: Obj, pod: Obj, restartAllowed: boolean, deps: SyncDeps): Promise<number | undefined> {
  if (r.instance?.running || r.starting || r.stopping || rec.terminating) return undefined;
  const now = deps.now();
  if (r.exited) {
    if (!restartAllowed) {
      r.waiting = undefined;
      return undefined;
    }
    const key = `${rec.uid}/${c.name}`;
    const until = deps.backoff.backoffUntil(key, Date.parse(r.exited.finishedAt), now);
    if (until !== undefined) {
      const secs = Math.round(deps.backoff.currentMs(key) / 1000);
      const message = `back-off ${formatDuration(secs)} restarting failed container=${c.name} pod=${rec.name}_${rec.namespace}(${rec.uid})`;
      r.waiting = { reason: 'CrashLoopBackOff', message };
      return until - now;
    }
    deps.backoff.next(key, now);
    r.previous = r.exited;
    r.exited = undefined;
    r.restartCount++;
  }
  r.starting = (async () => {
    await startContainer(rec, r, c, pod, deps);
    if (r.instance) await deps.afterStart(rec, r, c);
  })().finally(() => (r.starting = undefined));
  await r.starting;
  return r.instance || r.exited ? undefined : START_RETRY_MS;
}

/** Go's time.Duration text for whole seconds: 10s, 1m20s, 5m0s */
export function formatDuration(secs: number): string {
  if (secs < 60) return `${secs}s`;
  return `${Math.floor(secs / 60)}m${secs % 60}s`;
}
