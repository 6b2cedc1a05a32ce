// client-go's rate-limited work queue. A key is queued at most once however often it is added; a key
// being processed is never handed to a second worker: if it is added meanwhile it is queued again
// when the first worker calls done(). Delays (addAfter, addRateLimited) run on the injected clock.
import { type Clock, realClock, type TimerHandle } from './clock';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter';

export interface WorkQueueOptions {
  clock?: Clock;
  rateLimiter?: RateLimiter;
}

/** what get() returns: a key, or shutdown when the queue is closed and (for drain) empty */
export type Next = { key: string; shutdown: false } | { key: undefined; shutdown: true };

export class WorkQueue {
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  /** keys waiting on a timer, with when they become ready (the earliest ask wins) */
  private readonly waiting = new Map<string, { at: number; timer: TimerHandle }>();
  private waiters: ((next: Next) => void)[] = [];
  private shuttingDown = false;

  constructor(options: WorkQueueOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.limiter = options.rateLimiter ?? defaultControllerRateLimiter(this.clock);
  }

  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.push(key);
  }

  addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const existing = this.waiting.get(key);
    if (existing && existing.at <= at) return;
    if (existing) this.clock.clearTimeout(existing.timer);
    const timer = this.clock.setTimeout(() => {
      this.waiting.delete(key);
      this.add(key);
    }, ms);
    this.waiting.set(key, { at, timer });
  }

  /** re-queues after the rate limiter's delay for this key: its own backoff, and the overall rate */
  addRateLimited(key: string): void {
    this.addAfter(key, this.limiter.when(key));
  }

  /** the key succeeded: its backoff starts over */
  forget(key: string): void {
    this.limiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.limiter.numRequeues(key);
  }

  /** waits for the next key; the caller must call done(key) when finished with it */
  get(): Promise<Next> {
    const next = this.take();
    if (next) return Promise.resolve(next);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) this.push(key);
    else if (this.shuttingDown && this.processing.size === 0) this.wakeAll();
  }

  /** keys ready to hand out (not those waiting on a timer or being processed) */
  len(): number {
    return this.queue.length - this.head;
  }

  isProcessing(key: string): boolean {
    return this.processing.has(key);
  }

  /** no new keys are accepted; workers get shutdown once nothing is left to hand out */
  shutDown(): void {
    this.shuttingDown = true;
    for (const w of this.waiting.values()) this.clock.clearTimeout(w.timer);
    this.waiting.clear();
    this.wakeAll();
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  private push(key: string): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      this.handOut(key);
      waiter({ key, shutdown: false });
      return;
    }
    this.queue.push(key);
  }

  private take(): Next | undefined {
    if (this.head < this.queue.length) {
      const key = this.queue[this.head++];
      // Drop the consumed prefix now and then so the array does not grow forever.
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.handOut(key);
      return { key, shutdown: false };
    }
    return this.shuttingDown ? { key: undefined, shutdown: true } : undefined;
  }

  private handOut(key: string): void {
    this.processing.add(key);
    this.dirty.delete(key);
  }

  private wakeAll(): void {
    if (this.len() > 0) return;
    for (const w of this.waiters.splice(0)) w({ key: undefined, shutdown: true });
  }
}
