// The scheduling queue, as upstream's PriorityQueue: an active heap (priority, then time), a backoff
// area (1 s doubling to 10 s per attempt) and a parking lot for unschedulable pods that cluster events
// move back. A periodic flush returns pods parked too long, as a safety net for missed events.
import type { Clock, TimerHandle } from '../../client/clock';
import type { PodInfo } from '../snapshot/pod-info';
import { KeyedHeap } from './heap';
import { mayHelp, type ClusterEvent } from './events';

export interface QueuedPod {
  info: PodInfo;
  /** When it was added or last failed: orders equal priorities, and backoff counts from it. */
  timestamp: number;
  attempts: number;
  rejectors: Set<string>;
  /** The scheduling cycle it was popped in. */
  cycle: number;
  /** Where an earlier preemption is making room for it. */
  nominatedNode?: string;
}

export interface QueueOptions {
  clock: Clock;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a pod may stay parked before the flush moves it back anyway (upstream: 5 min). */
  maxUnschedulableMs?: number;
  flushIntervalMs?: number;
}

const byPriorityThenTime = (a: QueuedPod, b: QueuedPod): boolean =>
  a.info.priority !== b.info.priority ? a.info.priority > b.info.priority : a.timestamp < b.timestamp;

export class SchedulingQueue {
  private readonly active = new KeyedHeap<QueuedPod>((q) => q.info.key, byPriorityThenTime);
  private readonly backoff = new Map<string, QueuedPod>();
  private readonly parked = new Map<string, { q: QueuedPod; since: number }>();
  /** Popped and being scheduled right now. */
  private readonly inFlight = new Map<string, QueuedPod>();
  private schedulingCycle = 0;
  private moveRequestCycle = -1;
  private waiters: (() => void)[] = [];
  private timer?: TimerHandle;
  private closed = false;
  private lastFlush = 0;

  constructor(private readonly o: QueueOptions) {}

  get stats(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.active.size, backoff: this.backoff.size, unschedulable: this.parked.size };
  }

  /** A new pending pod, or an update of one already known. */
  add(info: PodInfo): void {
    const key = info.key;
    const known = this.active.get(key) ?? this.backoff.get(key) ?? this.parked.get(key)?.q ?? this.inFlight.get(key);
    if (known) {
      known.info = info;
      // An update of a parked pod may be what makes it fit (new tolerations, smaller requests).
      if (this.parked.delete(key)) this.toActiveOrBackoff(known);
      else if (this.active.has(key)) this.active.push(known);
      return;
    }
    this.active.push({ info, timestamp: this.o.clock.now(), attempts: 0, rejectors: new Set(), cycle: 0 });
    this.wake();
  }

  delete(key: string): void {
    this.active.remove(key);
    this.backoff.delete(key);
    this.parked.delete(key);
    this.inFlight.delete(key);
  }

  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.parked.has(key) || this.inFlight.has(key);
  }

  /** The next pod to schedule, or undefined when the active queue is empty. */
  tryPop(): QueuedPod | undefined {
    const q = this.active.pop();
    if (!q) return undefined;
    q.attempts++;
    q.cycle = ++this.schedulingCycle;
    this.inFlight.set(q.info.key, q);
    return q;
  }

  /** Waits for a pod; resolves undefined once the queue is closed. */
  async pop(): Promise<QueuedPod | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const q = this.tryPop();
      if (q) return q;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The pod was bound (or is gone): it leaves the queue. */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /**
   * The pod did not fit. It is parked until an event that may help it, unless such an event already
   * came while it was being scheduled — then it only backs off, so that event is not missed.
   */
  addUnschedulable(q: QueuedPod, rejectors: Set<string>): void {
    if (this.inFlight.get(q.info.key) !== q) return;
    this.inFlight.delete(q.info.key);
    q.rejectors = rejectors;
    q.timestamp = this.o.clock.now();
    if (this.moveRequestCycle >= q.cycle) this.backoff.set(q.info.key, q);
    else this.parked.set(q.info.key, { q, since: this.o.clock.now() });
  }

  /** A scheduler error: retry after backoff. */
  addBackoff(q: QueuedPod): void {
    if (this.inFlight.get(q.info.key) !== q) return;
    this.inFlight.delete(q.info.key);
    q.timestamp = this.o.clock.now();
    this.backoff.set(q.info.key, q);
  }

  /** Upstream's MoveAllToActiveOrBackoffQueue, narrowed to pods the event may help. */
  moveAllToActiveOrBackoff(event: ClusterEvent): void {
    for (const [key, { q }] of this.parked) {
      if (!mayHelp(event, q.rejectors)) continue;
      this.parked.delete(key);
      this.toActiveOrBackoff(q);
    }
    this.moveRequestCycle = this.schedulingCycle;
  }

  backoffMs(q: QueuedPod): number {
    const initial = this.o.initialBackoffMs ?? 1_000;
    const max = this.o.maxBackoffMs ?? 10_000;
    return Math.min(max, initial * 2 ** Math.max(0, q.attempts - 1));
  }

  private toActiveOrBackoff(q: QueuedPod): void {
    if (q.attempts > 0 && this.o.clock.now() < q.timestamp + this.backoffMs(q)) this.backoff.set(q.info.key, q);
    else this.activate(q);
  }

  private activate(q: QueuedPod): void {
    this.active.push(q);
    this.wake();
  }

  /** Moves backoffs that expired to active, and pods parked too long back too. Runs every second. */
  tick(): void {
    const now = this.o.clock.now();
    for (const [key, q] of this.backoff) {
      if (now < q.timestamp + this.backoffMs(q)) continue;
      this.backoff.delete(key);
      this.activate(q);
    }
    if (now - this.lastFlush < (this.o.flushIntervalMs ?? 30_000)) return;
    this.lastFlush = now;
    const maxParked = this.o.maxUnschedulableMs ?? 5 * 60_000;
    for (const [key, { q, since }] of this.parked) {
      if (now - since < maxParked) continue;
      this.parked.delete(key);
      this.toActiveOrBackoff(q);
    }
  }

  start(): void {
    this.lastFlush = this.o.clock.now();
    const loop = () => {
      if (this.closed) return;
      this.tick();
      this.timer = this.o.clock.setTimeout(loop, 1_000);
    };
    this.timer = this.o.clock.setTimeout(loop, 1_000);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.o.clock.clearTimeout(this.timer);
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}
