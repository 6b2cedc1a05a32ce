// Stopping a container as kubelet's killContainer: the preStop hook (exec, httpGet or sleep) within
// the grace period, then SIGTERM to the process group, then SIGKILL once the grace period is over.
// A pod stops its main containers together, then its sidecars in reverse order (kubelet ≥ 1.29).
import { runHook, type HookTarget } from './hooks';
import type { ContainerRecord, PodRecord } from './record';

type Obj = Record<string, any>;

/** kubelet gives at least this much time after a preStop hook for SIGTERM to work */
const MIN_GRACE_AFTER_HOOK_MS = 2000;

export interface StopDeps {
  hookTarget(rec: PodRecord, c: Obj): HookTarget;
  event(rec: PodRecord, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)).unref());

export function stopContainer(rec: PodRecord, r: ContainerRecord, c: Obj, graceMs: number, deps: StopDeps): Promise<void> {
  if (r.stopping) return r.stopping;
  r.stopping = (async () => {
    await r.starting;
    const inst = r.instance;
    if (!inst?.running) return;
    const start = Date.now();
    if (c.lifecycle?.preStop && graceMs > 0) {
      const failed = await Promise.race([runHook(c.lifecycle.preStop, deps.hookTarget(rec, c), graceMs), inst.exited.then(() => undefined), sleep(graceMs).then(() => undefined)]);
      if (failed) deps.event(rec, 'Warning', 'FailedPreStopHook', `PreStopHook failed: ${failed}`);
    }
    inst.signal('SIGTERM');
    const left = Math.max(graceMs - (Date.now() - start), c.lifecycle?.preStop && graceMs > 0 ? MIN_GRACE_AFTER_HOOK_MS : 0);
    await Promise.race([inst.exited, sleep(left)]);
    if (inst.running) inst.signal('SIGKILL');
    await inst.exited;
  })().finally(() => (r.stopping = undefined));
  return r.stopping;
}

/** main containers together, then sidecars last-to-first */
export async function stopPod(rec: PodRecord, pod: Obj, graceMs: number, deps: StopDeps): Promise<void> {
  const specs = new Map<string, Obj>([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c: Obj) => [c.name, c]));
  const mains = [...rec.containers.values()].filter((r) => !r.sidecar);
  const sidecars = [...rec.containers.values()].filter((r) => r.sidecar).reverse();
  const started = Date.now();
  const stop = (r: ContainerRecord): Promise<void> => stopContainer(rec, r, specs.get(r.name) ?? { name: r.name }, Math.max(0, graceMs - (Date.now() - started)), deps);
  await Promise.all(mains.map(stop));
  for (const r of sidecars) await stop(r);
}
