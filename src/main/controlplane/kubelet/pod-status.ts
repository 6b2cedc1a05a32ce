// kubelet's generateAPIPodStatus: the API PodStatus from what the runtime reports — phase (getPhase),
// the conditions kubelet owns, IPs, start time and container statuses. Conditions others own
// (PodScheduled, DisruptionTarget, readiness gates) are kept as they are.
import { timestamp } from '../client';
import type { RuntimeContainer, RuntimePod } from './runtimes/types';

type Obj = Record<string, any>;

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready']);

export function podPhase(pod: Obj, rp: RuntimePod): string {
  if (!rp.sandbox) return 'Pending';
  // An init container that failed with restartPolicy Never fails the pod (kubelet's getPhase).
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c: Obj) => c.restartPolicy === 'Always').map((c: Obj) => c.name));
  if ((pod.spec?.restartPolicy ?? 'Always') === 'Never' && rp.initContainers.some((c) => !sidecars.has(c.name) && (c.state.terminated?.exitCode ?? 0) !== 0)) return 'Failed';
  if (rp.initContainers.some((c) => !c.state.terminated && !(c.state.running && c.ready))) return 'Pending';
  let running = 0, waiting = 0, stopped = 0, failed = 0;
  for (const c of rp.containers) {
    const last = c.state.terminated ?? c.lastState?.terminated;
    if (c.state.running) running++;
    else if (c.state.terminated || (c.state.waiting && last)) {
      stopped++;
      if ((last?.exitCode ?? 0) !== 0) failed++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (stopped === 0 || policy === 'Always') return 'Running';
  if (failed === 0) return 'Succeeded';
  return policy === 'Never' ? 'Failed' : 'Running';
}

const names = (cs: RuntimeContainer[]): string => `[${cs.map((c) => c.name).join(' ')}]`;

function kubeletConditions(rp: RuntimePod, phase: string): Obj[] {
  const cond = (type: string, ok: boolean, reason?: string, message?: string): Obj => ({ type, status: ok ? 'True' : 'False', ...(reason ? { reason } : {}), ...(message ? { message } : {}) });
  const done = phase === 'Succeeded' || phase === 'Failed';
  const initIncomplete = rp.initContainers.filter((c) => !c.state.terminated && !(c.state.running && c.ready));
  const unready = rp.containers.filter((c) => !c.ready);
  const initialized = initIncomplete.length === 0 && !!rp.sandbox;
  const ready = !done && initialized && unready.length === 0 && rp.containers.length > 0;
  const notReady = (): [string, string] => (done ? ['PodCompleted', ''] : ['ContainersNotReady', `containers with unready status: ${names(unready)}`]);
  return [
    cond('PodReadyToStartContainers', !!rp.sandbox?.ready && !done),
    initialized ? cond('Initialized', true, done && rp.initContainers.length ? 'PodCompleted' : undefined) : cond('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: ${names(initIncomplete)}`),
    ready ? cond('ContainersReady', true) : cond('ContainersReady', false, ...notReady()),
    ready ? cond('Ready', true) : cond('Ready', false, ...notReady()),
  ].map((c) => (c.message === '' ? { type: c.type, status: c.status, reason: c.reason } : c));
}

/** keeps each condition's lastTransitionTime while its status stays the same */
function withTimes(old: Obj[], next: Obj[], now: string): Obj[] {
  return next.map((c) => {
    const before = old.find((o) => o.type === c.type);
    const lastTransitionTime = before && before.status === c.status ? before.lastTransitionTime : now;
    return { ...c, lastProbeTime: null, lastTransitionTime };
  });
}

const containerStatus = (c: RuntimeContainer): Obj => ({
  name: c.name,
  state: c.state,
  lastState: c.lastState ?? {},
  ready: c.ready,
  restartCount: c.restartCount,
  image: c.image,
  imageID: c.imageID,
  ...(c.containerID ? { containerID: c.containerID } : {}),
  started: c.started,
});

export function apiPodStatus(pod: Obj, rp: RuntimePod, hostIP: string, nowMs: number): Obj {
  const old: Obj = pod.status ?? {};
  const phase = podPhase(pod, rp);
  const now = timestamp(nowMs);
  const ours = withTimes(old.conditions ?? [], kubeletConditions(rp, phase), now);
  const others = (old.conditions ?? []).filter((c: Obj) => !KUBELET_CONDITIONS.has(c.type));
  const status: Obj = {
    ...old,
    phase,
    conditions: [...ours, ...others].sort((a, b) => order(a.type) - order(b.type)),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: old.startTime ?? (rp.sandbox ? timestamp(rp.sandbox.createdAtMs) : now),
    containerStatuses: rp.containers.map(containerStatus),
  };
  if (rp.sandbox) Object.assign(status, { podIP: rp.sandbox.ip, podIPs: [{ ip: rp.sandbox.ip }] });
  if (rp.initContainers.length) status.initContainerStatuses = rp.initContainers.map(containerStatus);
  return status;
}

const ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
const order = (type: string): number => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length);

/** whether writing `next` would change what the API holds (ignoring key order) */
export const statusChanged = (old: Obj | undefined, next: Obj): boolean => JSON.stringify(canonical(old ?? {})) !== JSON.stringify(canonical(next));

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Obj)[k])]).filter(([, x]) => x !== undefined && x !== null));
  return v;
}
