// Collects lines and sends them in batches: one bridge message per ~16 ms (a frame) or per 1,000
// lines, never one per line. When several sources are merged, each line is held back for a short
// while so a slower source can catch up, then every line that is due goes out in timestamp order.
import type { LogBatch, LogLine, LogSource } from '../../../shared/bridge/methods-logs';
import { timestampKey } from './lines';

export interface BatcherClock {
  now(): number;
  schedule(fn: () => void, ms: number): () => void;
}

export const realClock: BatcherClock = {
  now: () => Date.now(),
  schedule: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export interface BatcherOptions {
  /** hold each line this long before sending, to merge sources in timestamp order (0: no merge) */
  holdMs?: number;
  frameMs?: number;
  maxLines?: number;
  clock?: BatcherClock;
}

interface Held {
  line: LogLine;
  key: string;
  at: number;
  seq: number;
}

export class LogBatcher {
  private held: Held[] = [];
  private sources: LogSource[] = [];
  private cancelTimer?: () => void;
  private seq = 0;
  private closed = false;
  private holdMs: number;
  private readonly frameMs: number;
  private readonly maxLines: number;
  private readonly clock: BatcherClock;

  constructor(
    private readonly send: (batch: LogBatch) => void,
    options: BatcherOptions = {},
  ) {
    this.holdMs = options.holdMs ?? 0;
    this.frameMs = options.frameMs ?? 16;
    this.maxLines = options.maxLines ?? 1000;
    this.clock = options.clock ?? realClock;
  }

  /** a merge holds the first backlogs longer (every pod's tail must be in before any goes out) */
  setHold(ms: number): void {
    this.holdMs = ms;
  }

  /** announces a source with the next batch */
  addSource(source: LogSource): void {
    this.sources.push(source);
    this.arm();
  }

  push(line: LogLine): void {
    if (this.closed) return;
    // markers carry no timestamp: they sort where they were written, at the newest instant seen
    const key = line.ts ? timestampKey(line.ts) : '';
    this.held.push({ line, key, at: this.clock.now(), seq: this.seq++ });
    if (this.holdMs === 0 && this.held.length >= this.maxLines) this.flush();
    else this.arm();
  }

  /** sends everything that is due now (all of it when `all`) */
  flush(all = false): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const due = all || this.holdMs === 0 ? this.held : this.held.filter((h) => h.at + this.holdMs <= this.clock.now());
    if (due !== this.held) this.held = this.held.filter((h) => h.at + this.holdMs > this.clock.now());
    else this.held = [];
    if (this.holdMs > 0) due.sort(byTime);
    const sources = this.sources.splice(0);
    for (let i = 0; i < due.length || (i === 0 && sources.length); i += this.maxLines) {
      const lines = due.slice(i, i + this.maxLines).map((h) => h.line);
      this.send(i === 0 && sources.length ? { lines, sources } : { lines });
    }
    if (this.held.length) this.arm();
  }

  close(): void {
    this.flush(true);
    this.closed = true;
  }

  private arm(): void {
    if (this.cancelTimer || this.closed) return;
    const oldest = this.held[0]?.at ?? this.clock.now();
    const wait = Math.max(this.frameMs, oldest + this.holdMs - this.clock.now());
    this.cancelTimer = this.clock.schedule(() => {
      this.cancelTimer = undefined;
      this.flush();
    }, wait);
  }
}

// Lines without a timestamp (markers, a runtime that does not stamp) keep their arrival order.
const byTime = (a: Held, b: Held): number => (a.key && b.key && a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.seq - b.seq);
