// The `simulated` runtime: no processes, only the stage table (stages.ts) moving each pod's
// sandbox and containers along on the clock. Idle pods cost nothing: a pod is looked at again only
// when its next stage is due.
import type { Clock } from '../../../client';
import type { NodeEnv, PodRuntime, RuntimePod, RuntimeResult } from '../types';
import { adoptFromStatus } from './adopt';
import { step, type SimulatedPod } from './engine';
import { defaultStages, type Stage } from './stages';

type Obj = Record<string, any>;

export interface SimulatedRuntimeOptions {
  clock: Clock;
  stages?: Stage[];
  random?: () => number;
}

export const SIMULATED_RUNTIME_VERSION = 'wheelhouse-simulated://1.0';

export class SimulatedRuntime implements PodRuntime {
  readonly version = SIMULATED_RUNTIME_VERSION;
  private readonly pods = new Map<string, SimulatedPod>();
  private readonly stages: Stage[];
  private nextId = 0;

  constructor(private readonly o: SimulatedRuntimeOptions) {
    this.stages = o.stages ?? defaultStages();
  }

  async syncPod(pod: Obj, env: NodeEnv): Promise<RuntimeResult> {
    return this.advance(pod, env);
  }

  async killPod(pod: Obj, gracePeriodMs: number, env: NodeEnv): Promise<RuntimeResult> {
    return this.advance(pod, env, gracePeriodMs);
  }

  removePod(uid: string, env: NodeEnv): void {
    if (this.pods.delete(uid)) env.releasePodIP(uid);
  }

  async close(): Promise<void> {
    this.pods.clear();
  }

  private advance(pod: Obj, env: NodeEnv, gracePeriodMs?: number): RuntimeResult {
    const uid: string = pod.metadata.uid;
    const now = this.o.clock.now();
    const sim = this.pods.get(uid) ?? { rp: adoptFromStatus(pod, env) ?? ({ uid, initContainers: [], containers: [] } as RuntimePod), sinceMs: now };
    const random = this.o.random ?? Math.random;
    const { sim: next, dueAtMs } = step(this.stages, pod, sim, now, { env, random, gracePeriodMs, newId: () => this.containerId(uid) });
    this.pods.set(uid, next);
    return { pod: next.rp, requeueAfterMs: dueAtMs === undefined ? undefined : Math.max(0, dueAtMs - now) };
  }

  private containerId(uid: string): string {
    return `${uid.replace(/-/g, '')}${(++this.nextId).toString(16).padStart(8, '0')}`.slice(-64).padStart(64, '0');
  }
}
