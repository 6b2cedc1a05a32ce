// Runs a pod through the stage table: find the first stage whose selector matches, wait its delay,
// apply its transition, repeat. Stages already due fire in the same call, so a pod that becomes
// Running and Ready at once costs one status write.
import type { RuntimePod } from '../types';
import { containersExit } from './annotations';
import type { ContainersState, Stage, StageDelay, StageSelector } from './stages';
import { applyTransition, restartBackoffMs, type TransitionContext } from './transitions';

type Obj = Record<string, any>;

export interface SimulatedPod {
  rp: RuntimePod;
  /** the stage waiting to fire and when */
  pending?: { stage: string; dueAtMs: number };
  /** when the last transition happened: the next stage's delay counts from there */
  sinceMs: number;
}

export interface StepContext extends Omit<TransitionContext, 'nowMs' | 'pod'> {
  /** 0 ≤ x < 1, for jitter */
  random(): number;
  gracePeriodMs?: number;
}

const MAX_STEPS = 16;

export function containersState(rp: RuntimePod): ContainersState | undefined {
  const cs = rp.containers;
  if (!cs.length) return undefined;
  if (cs.some((c) => c.state.running)) return 'running';
  if (cs.some((c) => c.state.waiting?.reason === 'CrashLoopBackOff')) return 'backoff';
  if (cs.some((c) => c.state.waiting)) return 'creating';
  return 'exited';
}

const restartsAllowed = (pod: Obj, rp: RuntimePod): boolean => {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Always') return true;
  return policy === 'OnFailure' && rp.containers.some((c) => (c.state.terminated?.exitCode ?? 0) !== 0);
};

export function matches(when: StageSelector, pod: Obj, rp: RuntimePod): boolean {
  const check = <T>(want: T | undefined, have: () => T): boolean => want === undefined || want === have();
  return (
    check(when.deleting, () => !!pod.metadata?.deletionTimestamp) &&
    check(when.sandbox, () => (rp.sandbox ? 'present' : 'absent')) &&
    check(when.initPending, () => rp.initContainers.some((c) => !!c.state.waiting)) &&
    (when.containers === undefined || when.containers.includes(containersState(rp) as ContainersState)) &&
    check(when.ready, () => rp.containers.length > 0 && rp.containers.every((c) => c.ready)) &&
    check(when.exits, () => containersExit(pod)) &&
    check(when.restarts, () => restartsAllowed(pod, rp)) &&
    check(when.restarted, () => rp.containers.some((c) => c.restartCount > 0))
  );
}

export function delayMs(d: StageDelay, pod: Obj, rp: RuntimePod, x: StepContext): number {
  const fromAnnotation = d.annotation ? Number(pod.metadata?.annotations?.[d.annotation]) : NaN;
  let ms = Number.isFinite(fromAnnotation) ? fromAnnotation * 1000 : d.ms + (d.jitterMs ? Math.floor(x.random() * d.jitterMs) : 0);
  if (d.backoff) ms = restartBackoffMs(Math.max(...rp.containers.map((c) => c.restartCount), 0));
  if (d.readinessProbe) ms = Math.max(ms, ...(pod.spec?.containers ?? []).map((c: Obj) => (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000));
  if (d.withinGrace && x.gracePeriodMs !== undefined) ms = Math.min(ms, x.gracePeriodMs);
  return ms;
}

/** advances the pod as far as `nowMs` allows; returns when the next stage is due, if any */
export function step(stages: Stage[], pod: Obj, sim: SimulatedPod, nowMs: number, x: StepContext): { sim: SimulatedPod; dueAtMs?: number } {
  let current = sim;
  for (let i = 0; i < MAX_STEPS; i++) {
    const stage = stages.find((s) => matches(s.when, pod, current.rp));
    if (!stage) return { sim: { ...current, pending: undefined } };
    // A stage reached by a transition counts from it; one the pod came to by an API change (a
    // deletion) counts from when this sync first saw it.
    const base = i === 0 ? Math.max(nowMs, current.sinceMs) : current.sinceMs;
    const pending = current.pending?.stage === stage.name ? current.pending : { stage: stage.name, dueAtMs: base + delayMs(stage.delay, pod, current.rp, x) };
    if (pending.dueAtMs > nowMs) return { sim: { ...current, pending }, dueAtMs: pending.dueAtMs };
    const at = Math.max(pending.dueAtMs, current.sinceMs);
    current = { rp: applyTransition(stage.next, current.rp, { ...x, pod, nowMs: at }), sinceMs: at };
  }
  return { sim: current, dueAtMs: nowMs };
}
