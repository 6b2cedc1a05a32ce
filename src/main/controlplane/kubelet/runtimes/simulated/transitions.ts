// What each stage does to a pod's simulated sandbox and containers. Pure: (pod, state, time) → state.
import { createHash } from 'node:crypto';
import { timestamp } from '../../../client';
import type { NodeEnv, RuntimeContainer, RuntimePod } from '../types';
import { exitCodeOf } from './annotations';
import type { TransitionName } from './stages';

type Obj = Record<string, any>;

export interface TransitionContext {
  pod: Obj;
  env: NodeEnv;
  nowMs: number;
  /** next container id (hex), injected so golden tests are stable */
  newId(): string;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** the reference containerd reports for an image: registry, repository and tag made explicit */
export const normalizeImage = (image: string): string => {
  const [path, tag] = image.includes('@') ? [image, ''] : splitTag(image);
  const first = path.split('/')[0];
  const hasRegistry = path.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const full = hasRegistry ? path : path.includes('/') ? `docker.io/${path}` : `docker.io/library/${path}`;
  return tag ? `${full}:${tag}` : full;
};

function splitTag(image: string): [string, string] {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? [image.slice(0, colon), image.slice(colon + 1)] : [image, 'latest'];
}

const imageIdOf = (image: string): string => `${normalizeImage(image).replace(/:[^:/@]+$/, '')}@sha256:${sha(normalizeImage(image))}`;

const waitingContainer = (c: Obj, reason: string): RuntimeContainer => ({
  name: c.name,
  image: normalizeImage(c.image ?? ''),
  imageID: '',
  state: { waiting: { reason } },
  restartCount: 0,
  started: false,
  ready: false,
});

const isSidecar = (c: Obj): boolean => c.restartPolicy === 'Always';

function run(c: RuntimeContainer, x: TransitionContext, spec?: Obj): RuntimeContainer {
  return { ...c, imageID: imageIdOf(spec?.image ?? c.image), containerID: `wheelhouse-simulated://${x.newId()}`, state: { running: { startedAt: timestamp(x.nowMs) } }, started: true, ready: false };
}

function exit(c: RuntimeContainer, exitCode: number, x: TransitionContext): RuntimeContainer {
  if (!c.state.running) return c;
  const terminated = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: c.state.running.startedAt, finishedAt: timestamp(x.nowMs), containerID: c.containerID };
  return { ...c, state: { terminated }, started: false, ready: false };
}

const backoffSeconds = (restartCount: number): number => Math.min(10 * 2 ** Math.max(0, restartCount - 1), 300);

const TRANSITIONS: Record<TransitionName, (p: RuntimePod, x: TransitionContext) => RuntimePod> = {
  createSandbox: (p, x) => {
    const inits: Obj[] = x.pod.spec?.initContainers ?? [];
    const mainReason = inits.length ? 'PodInitializing' : 'ContainerCreating';
    return {
      ...p,
      sandbox: { ready: true, ip: x.env.allocatePodIP(p.uid), createdAtMs: x.nowMs },
      initContainers: inits.map((c) => waitingContainer(c, 'PodInitializing')),
      containers: (x.pod.spec?.containers ?? []).map((c: Obj) => waitingContainer(c, mainReason)),
    };
  },
  runInitContainers: (p, x) => {
    const specs: Obj[] = x.pod.spec?.initContainers ?? [];
    const initContainers = p.initContainers.map((c, i) => {
      const started = run(c, x, specs[i]);
      return isSidecar(specs[i] ?? {}) ? { ...started, ready: true } : exit(started, 0, x);
    });
    return { ...p, initContainers, containers: p.containers.map((c) => ({ ...c, state: { waiting: { reason: 'ContainerCreating' } } })) };
  },
  startContainers: (p, x) => {
    const specs: Obj[] = x.pod.spec?.containers ?? [];
    return { ...p, containers: p.containers.map((c, i) => run(c, x, specs[i])) };
  },
  markReady: (p) => ({ ...p, containers: p.containers.map((c) => (c.state.running ? { ...c, ready: true } : c)) }),
  exitContainers: (p, x) => ({ ...p, containers: p.containers.map((c) => exit(c, exitCodeOf(x.pod) ?? 0, x)) }),
  backOff: (p, x) => ({
    ...p,
    containers: p.containers.map((c) => {
      const message = `back-off ${backoffSeconds(c.restartCount)}s restarting failed container=${c.name} pod=${x.pod.metadata.name}_${x.pod.metadata.namespace}(${p.uid})`;
      return { ...c, lastState: c.state, state: { waiting: { reason: 'CrashLoopBackOff', message } } };
    }),
  }),
  restartContainers: (p, x) => ({
    ...p,
    containers: p.containers.map((c) => ({ ...run(c, x), lastState: c.state.terminated ? c.state : c.lastState, restartCount: c.restartCount + 1 })),
  }),
  killContainers: (p, x) => ({
    ...p,
    initContainers: p.initContainers.map((c) => exit(c, 0, x)),
    containers: p.containers.map((c) => (c.state.waiting ? { ...c, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: timestamp(x.nowMs) } } } : exit(c, 0, x))),
  }),
};

export const applyTransition = (name: TransitionName, p: RuntimePod, x: TransitionContext): RuntimePod => TRANSITIONS[name](p, x);

/** the crash-loop delay before restart number restartCount + 1 */
export const restartBackoffMs = (restartCount: number): number => backoffSeconds(restartCount) * 1000;
