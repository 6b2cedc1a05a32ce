// Turns cumulative CPU time into a rate, as metrics-server does between two scrapes: the sampler
// keeps the last two samples per series and reports the rate over the window between them. A
// background tick (every 10 s, unref'd) keeps a window ready, so `kubectl top` answers at once.
import type { Clock } from '../../client';
import type { ProcessSample } from './proc';

export interface Rate {
  cpuNanoCores: number;
  memoryBytes: number;
  timestamp: string;
  windowSeconds: number;
}

interface Point {
  atMs: number;
  sample: ProcessSample;
}

/** shortest window worth a rate; closer samples are noise */
const MIN_WINDOW_MS = 500;

export class RateTracker {
  private readonly series = new Map<string, { prev?: Point; last: Point }>();

  constructor(private readonly clock: Clock) {}

  /** records a sample for `key`; returns the rate over the last window, if there is one */
  record(key: string, sample: ProcessSample): Rate | undefined {
    const now = { atMs: this.clock.now(), sample };
    const s = this.series.get(key);
    if (!s) {
      this.series.set(key, { last: now });
      return undefined;
    }
    if (now.atMs - s.last.atMs >= MIN_WINDOW_MS) {
      s.prev = s.last;
      s.last = now;
    }
    return this.rate(key);
  }

  rate(key: string): Rate | undefined {
    const s = this.series.get(key);
    if (!s?.prev) return undefined;
    const ms = s.last.atMs - s.prev.atMs;
    const cpu = Math.max(0, s.last.sample.cpuNanos - s.prev.sample.cpuNanos);
    return {
      cpuNanoCores: Math.round((cpu / ms) * 1000),
      memoryBytes: s.last.sample.memoryBytes,
      timestamp: new Date(s.last.atMs).toISOString(),
      windowSeconds: Math.round(ms / 100) / 10,
    };
  }

  /** forgets series not in `live` (ended containers) */
  retain(live: Set<string>): void {
    for (const key of this.series.keys()) if (!live.has(key)) this.series.delete(key);
  }
}
