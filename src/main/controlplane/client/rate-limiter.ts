// client-go's workqueue rate limiters: how long a failing key waits before its next try.
import type { Clock } from './clock';

export interface RateLimiter {
  /** delay before the item's next try; counts as one more failure */
  when(item: string): number;
  /** the item succeeded: start its backoff over */
  forget(item: string): void;
  numRequeues(item: string): number;
}

/** base·2^failures per item, capped: 5 ms, 10 ms, 20 ms … 1000 s */
export class ItemExponentialRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly baseMs = 5,
    private readonly maxMs = 1_000_000,
  ) {}

  when(item: string): number {
    const n = this.failures.get(item) ?? 0;
    this.failures.set(item, n + 1);
    // Past 2^62 the double overflows precision; the cap is reached long before.
    return n > 62 ? this.maxMs : Math.min(this.baseMs * 2 ** n, this.maxMs);
  }

  forget(item: string): void {
    this.failures.delete(item);
  }

  numRequeues(item: string): number {
    return this.failures.get(item) ?? 0;
  }
}

/** one token bucket over all items (golang.org/x/time/rate's reservation): bounds the overall retry rate */
export class BucketRateLimiter implements RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly clock: Clock,
    private readonly qps = 10,
    private readonly burst = 100,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  when(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.qps) * 1000;
  }

  forget(): void {}

  numRequeues(): number {
    return 0;
  }
}

/** the longest delay any of the limiters asks for */
export class MaxOfRateLimiter implements RateLimiter {
  private readonly limiters: RateLimiter[];

  constructor(...limiters: RateLimiter[]) {
    this.limiters = limiters;
  }

  when(item: string): number {
    let max = 0;
    for (const l of this.limiters) max = Math.max(max, l.when(item));
    return max;
  }

  forget(item: string): void {
    for (const l of this.limiters) l.forget(item);
  }

  numRequeues(item: string): number {
    let max = 0;
    for (const l of this.limiters) max = Math.max(max, l.numRequeues(item));
    return max;
  }
}

/** client-go's DefaultControllerRateLimiter: per-item 5 ms → 1000 s, and 10 qps with a burst of 100 overall */
export const defaultControllerRateLimiter = (clock: Clock): RateLimiter =>
  new MaxOfRateLimiter(new ItemExponentialRateLimiter(5, 1_000_000), new BucketRateLimiter(clock, 10, 100));
