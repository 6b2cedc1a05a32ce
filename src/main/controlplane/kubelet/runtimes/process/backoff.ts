// kubelet's container restart backoff (flowcontrol.Backoff, 10 s doubling to 5 min): a container that
// exits is restarted at once the first time; exiting again within the current backoff puts it in
// CrashLoopBackOff until that backoff has passed since it finished. An entry untouched for twice the
// maximum (10 min) starts over, so a container that ran fine for a while restarts at once again.
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

export class RestartBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  /** when the container that finished at `finishedAtMs` may restart; undefined: it may now */
  backoffUntil(key: string, finishedAtMs: number, nowMs: number): number | undefined {
    const e = this.entries.get(key);
    if (!e || this.expired(e, nowMs)) return undefined;
    const until = finishedAtMs + e.backoffMs;
    return nowMs < until ? until : undefined;
  }

  /** the current backoff (for the CrashLoopBackOff message) */
  currentMs(key: string): number {
    return this.entries.get(key)?.backoffMs ?? this.initialMs;
  }

  /** records a restart: the next crash waits twice as long (up to the maximum) */
  next(key: string, nowMs: number): void {
    const e = this.entries.get(key);
    const backoffMs = !e || this.expired(e, nowMs) ? this.initialMs : Math.min(e.backoffMs * 2, this.maxMs);
    this.entries.set(key, { backoffMs, lastUpdateMs: nowMs });
  }

  forget(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  private expired(e: Entry, nowMs: number): boolean {
    return nowMs - e.lastUpdateMs > 2 * this.maxMs;
  }
}
