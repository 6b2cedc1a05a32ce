// What the process runtime remembers about a pod and its containers, and how that reads as the
// runtime-neutral RuntimePod (../types.ts) the agent turns into PodStatus.
import { randomBytes } from 'node:crypto';
import type { ContainerStateValue, PodSandbox, RuntimeContainer, RuntimePod } from '../types';
import type { ContainerCgroup } from './cgroups';
import type { ProcessInstance } from './instance';

type Obj = Record<string, any>;
type Terminated = NonNullable<ContainerStateValue['terminated']>;

export interface ContainerRecord {
  name: string;
  init: boolean;
  /** an init container with restartPolicy Always: starts in order, then keeps running */
  sidecar: boolean;
  image: string;
  restartCount: number;
  /** set while an instance runs */
  instance?: ProcessInstance;
  cgroup?: ContainerCgroup;
  containerID?: string;
  startedAtMs?: number;
  /** the instance that ended last, while no other runs */
  exited?: Terminated;
  /** the one before the current (lastState) */
  previous?: Terminated;
  /** why it is not running: ContainerCreating, PodInitializing, CrashLoopBackOff, CreateContainerError… */
  waiting?: { reason: string; message?: string };
  /** a start in flight, so two syncs do not start it twice */
  starting?: Promise<void>;
  /** asked to stop (deletion, liveness failure, sidecars at the end) */
  stopping?: Promise<void>;
}

export interface PodRecord {
  uid: string;
  namespace: string;
  name: string;
  podDir: string;
  sandbox?: PodSandbox;
  hostNetwork: boolean;
  /** the latest pod object seen, for exec and attach */
  pod: Obj;
  containers: Map<string, ContainerRecord>;
  terminating?: Promise<void>;
  creating?: Promise<void>;
  volumesReady?: boolean;
  /** the last FailedMount message, so the event is recorded once per cause */
  mountError?: string;
  /** every main container ended for good (restartPolicy Never/OnFailure): sidecars stop, none restart */
  finished?: boolean;
}

export const newContainerID = (): string => `process://${randomBytes(32).toString('hex')}`;

export function ensureRecord(rec: PodRecord, c: Obj, init: boolean): ContainerRecord {
  let r = rec.containers.get(c.name);
  if (!r) {
    r = { name: c.name, init, sidecar: init && c.restartPolicy === 'Always', image: c.image ?? '', restartCount: 0 };
    rec.containers.set(c.name, r);
  }
  r.image = c.image ?? r.image;
  return r;
}

/** ready/started: set by the caller (probes); without probes a running container is both */
export interface Health {
  started: boolean;
  ready: boolean;
}

export function runtimeContainer(r: ContainerRecord | undefined, c: Obj, health: Health, defaultWaiting: string): RuntimeContainer {
  const image = qualifiedImage(c.image ?? '');
  const base = { name: c.name, image, imageID: '', restartCount: r?.restartCount ?? 0 };
  if (!r) return { ...base, state: { waiting: { reason: defaultWaiting } }, started: false, ready: false };
  let state: ContainerStateValue;
  let lastState: ContainerStateValue | undefined = r.previous ? { terminated: r.previous } : undefined;
  if (r.instance?.running) state = { running: { startedAt: new Date(r.startedAtMs ?? Date.now()).toISOString() } };
  else if (r.waiting && r.exited) {
    state = { waiting: r.waiting };
    lastState = { terminated: r.exited };
  } else if (r.exited) state = { terminated: r.exited };
  else state = { waiting: r.waiting ?? { reason: defaultWaiting } };
  const running = !!state.running;
  return { ...base, ...(r.containerID ? { containerID: r.containerID } : {}), state, ...(lastState ? { lastState } : {}), started: running && health.started, ready: running && health.ready };
}

/** docker.io/library/nginx:latest from nginx, as kubectl shows what containerd resolved */
export function qualifiedImage(image: string): string {
  if (!image) return image;
  const [first, ...rest] = image.split('/');
  const hasRegistry = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let name = hasRegistry ? image : rest.length ? `docker.io/${image}` : `docker.io/library/${image}`;
  if (!/[:@][^/]*$/.test(name)) name += ':latest';
  return name;
}

export function runtimePod(rec: PodRecord | undefined, pod: Obj, health: (r: ContainerRecord) => Health): RuntimePod {
  const uid: string = pod.metadata.uid;
  const spec = pod.spec ?? {};
  const inits: Obj[] = spec.initContainers ?? [];
  const h = (r: ContainerRecord | undefined): Health => (r ? health(r) : { started: false, ready: false });
  const initWaiting = 'PodInitializing';
  const mainWaiting = inits.length ? 'PodInitializing' : 'ContainerCreating';
  return {
    uid,
    sandbox: rec?.sandbox,
    initContainers: inits.map((c) => runtimeContainer(rec?.containers.get(c.name), c, h(rec?.containers.get(c.name)), initWaiting)),
    containers: (spec.containers ?? []).map((c: Obj) => runtimeContainer(rec?.containers.get(c.name), c, h(rec?.containers.get(c.name)), mainWaiting)),
  };
}

/**
 * Containers a pod already ran before this process started (the cluster restarted): their processes
 * are gone, so the next start counts as a restart and lastState says so, as kubelet reports containers
 * it cannot find after a node reboot (exit code 255, reason Unknown).
 */
export function adoptStatuses(rec: PodRecord, pod: Obj): void {
  const specs = [...((pod.spec?.initContainers ?? []) as Obj[]).map((c) => [c, true] as const), ...((pod.spec?.containers ?? []) as Obj[]).map((c) => [c, false] as const)];
  const statuses = new Map<string, Obj>([...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].map((s: Obj) => [s.name, s]));
  for (const [c, init] of specs) {
    const s = statuses.get(c.name);
    if (!s?.containerID) continue;
    const r = ensureRecord(rec, c, init);
    r.containerID = s.containerID;
    r.restartCount = s.restartCount ?? 0;
    const now = new Date().toISOString();
    r.exited = s.state?.terminated ?? { exitCode: 255, reason: 'Unknown', message: 'The container could not be located when the pod was restarted', startedAt: s.state?.running?.startedAt ?? now, finishedAt: now, containerID: s.containerID };
  }
}
