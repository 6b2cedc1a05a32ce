// The simulated runtime's lifecycle as plain data, in the manner of kwok's Stage resources: each stage
// says which pods it applies to (a selector on the pod and its containers' state), how long after the
// pod got there it fires (delay, jitter, or a value the pod asks for), and which transition follows.
// The engine fires the first matching stage; several due at once fire in one sync (one status write).
import { RUN_SECONDS, START_SECONDS } from './annotations';

/** the main containers' common state (simulated containers move in step) */
export type ContainersState = 'creating' | 'running' | 'exited' | 'backoff';

export interface StageSelector {
  /** metadata.deletionTimestamp is set */
  deleting?: boolean;
  sandbox?: 'absent' | 'present';
  /** init containers still to run */
  initPending?: boolean;
  containers?: ContainersState[];
  ready?: boolean;
  /** the containers finish by themselves (see annotations.ts containersExit) */
  exits?: boolean;
  /** restartPolicy asks for the exited containers to be started again */
  restarts?: boolean;
  /** the containers have been restarted before */
  restarted?: boolean;
}

export interface StageDelay {
  ms: number;
  jitterMs?: number;
  /** a pod annotation (seconds) that overrides ms */
  annotation?: string;
  /** kubelet's crash-loop backoff: 10 s·2^(restarts−1), at most 5 min */
  backoff?: boolean;
  /** the first readiness probe's initialDelaySeconds */
  readinessProbe?: boolean;
  /** never later than the pod's deletion grace period */
  withinGrace?: boolean;
}

export type TransitionName = 'createSandbox' | 'runInitContainers' | 'startContainers' | 'markReady' | 'exitContainers' | 'backOff' | 'restartContainers' | 'killContainers';

export interface Stage {
  name: string;
  when: StageSelector;
  delay: StageDelay;
  next: TransitionName;
}

export interface StageTimings {
  /** sandbox + image pull + create + start (ContainerCreating → Running) */
  startMs: number;
  startJitterMs: number;
  /** how long run-to-completion containers run */
  runMs: number;
  /** how long containers take to stop on SIGTERM */
  stopMs: number;
}

export const DEFAULT_TIMINGS: StageTimings = { startMs: 1000, startJitterMs: 500, runMs: 1000, stopMs: 200 };

export function defaultStages(t: StageTimings = DEFAULT_TIMINGS): Stage[] {
  return [
    { name: 'pod-stop', when: { deleting: true, containers: ['running', 'creating', 'backoff'] }, delay: { ms: t.stopMs, withinGrace: true }, next: 'killContainers' },
    { name: 'pod-create', when: { deleting: false, sandbox: 'absent' }, delay: { ms: 0 }, next: 'createSandbox' },
    { name: 'init-run', when: { deleting: false, initPending: true }, delay: { ms: t.startMs, jitterMs: t.startJitterMs }, next: 'runInitContainers' },
    { name: 'container-start', when: { deleting: false, initPending: false, containers: ['creating'] }, delay: { ms: t.startMs, jitterMs: t.startJitterMs, annotation: START_SECONDS }, next: 'startContainers' },
    { name: 'container-ready', when: { deleting: false, containers: ['running'], ready: false }, delay: { ms: 0, readinessProbe: true }, next: 'markReady' },
    { name: 'container-exit', when: { deleting: false, containers: ['running'], ready: true, exits: true }, delay: { ms: t.runMs, annotation: RUN_SECONDS }, next: 'exitContainers' },
    { name: 'container-restart-first', when: { deleting: false, containers: ['exited'], restarts: true, restarted: false }, delay: { ms: 0 }, next: 'restartContainers' },
    { name: 'container-crashloop', when: { deleting: false, containers: ['exited'], restarts: true, restarted: true }, delay: { ms: 0 }, next: 'backOff' },
    { name: 'container-restart', when: { deleting: false, containers: ['backoff'] }, delay: { ms: 0, backoff: true }, next: 'restartContainers' },
  ];
}
