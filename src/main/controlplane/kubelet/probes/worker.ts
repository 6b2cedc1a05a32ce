// One probe (liveness, readiness or startup) of one container instance, as upstream's prober worker:
// first run initialDelaySeconds after the container started, then every periodSeconds; a verdict
// changes only after successThreshold / failureThreshold results in a row. Liveness and readiness
// wait for the startup probe; a liveness or startup verdict of failure stops the worker (on hold
// until the runtime starts a new container, which gets new workers).
import type { Clock, Obj, TimerHandle } from '../../client';
import { runProbe } from './run-probe';
import type { ProbeKind, ProbeOutcome, ProbeTarget } from './types';

export interface ProbeTimings {
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  successThreshold: number;
  failureThreshold: number;
}

/** the probe's timing fields with upstream's defaults (0 s, 10 s, 1 s, 1, 3) */
export function timingsOf(probe: Obj, kind: ProbeKind): ProbeTimings {
  const n = (v: unknown, dflt: number, min: number) => (typeof v === 'number' && v >= min ? v : dflt);
  return {
    initialDelayMs: n(probe.initialDelaySeconds, 0, 0) * 1000,
    periodMs: n(probe.periodSeconds, 10, 1) * 1000,
    timeoutMs: n(probe.timeoutSeconds, 1, 1) * 1000,
    // liveness and startup must have successThreshold 1 (validation says so; this keeps it true)
    successThreshold: kind === 'readiness' ? n(probe.successThreshold, 1, 1) : 1,
    failureThreshold: n(probe.failureThreshold, 3, 1),
  };
}

export interface WorkerHost {
  clock: Clock;
  /** may this probe run now? (liveness/readiness wait for startup) */
  mayRun(kind: ProbeKind): boolean;
  /** one probe ran and failed: for the Unhealthy event */
  failed(kind: ProbeKind, outcome: ProbeOutcome): void;
  /** the verdict changed after the thresholds */
  verdict(kind: ProbeKind, success: boolean): void;
}

export class ProbeWorker {
  private timer?: TimerHandle;
  private stopped = false;
  private lastResult?: boolean;
  private resultRun = 0;
  private current?: boolean;
  /** the probe running now, if any */
  inFlight?: Promise<void>;
  readonly timings: ProbeTimings;

  constructor(
    readonly kind: ProbeKind,
    private readonly probe: Obj,
    private readonly container: Obj,
    private readonly target: ProbeTarget,
    private readonly host: WorkerHost,
  ) {
    this.timings = timingsOf(probe, kind);
  }

  start(startedAtMs: number): void {
    this.schedule(Math.max(0, startedAtMs + this.timings.initialDelayMs - this.host.clock.now()));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.host.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = this.host.clock.setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const began = this.host.clock.now();
    if (this.host.mayRun(this.kind)) {
      this.inFlight = this.runOnce();
      await this.inFlight;
      this.inFlight = undefined;
    }
    if (!this.stopped) this.schedule(Math.max(0, began + this.timings.periodMs - this.host.clock.now()));
  }

  private async runOnce(): Promise<void> {
    const outcome = await runProbe(this.probe, this.target, this.timings.timeoutMs, this.container);
    if (this.stopped) return;
    const success = outcome.result === 'success';
    if (!success) this.host.failed(this.kind, outcome);
    this.resultRun = this.lastResult === success ? this.resultRun + 1 : 1;
    this.lastResult = success;
    const needed = success ? this.timings.successThreshold : this.timings.failureThreshold;
    if (this.resultRun < needed || this.current === success) return;
    this.current = success;
    this.host.verdict(this.kind, success);
    // A failed liveness/startup probe means a restart: probing this instance further is pointless.
    if (!success && this.kind !== 'readiness') this.stop();
    // A started container needs no more startup probes.
    if (success && this.kind === 'startup') this.stop();
  }
}
