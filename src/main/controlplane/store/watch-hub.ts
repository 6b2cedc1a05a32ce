// Fans durable events out to watchers. Each watcher owns a queue: history read from the log
// goes in first, then every later batch, so delivery is in revision order with no gaps even
// though the history is handed over in chunks.
import type { WatchEvent, Watcher } from './types';

type OnEvents = (events: WatchEvent[]) => void;

/** At most this many events per callback, so a long history replay does not block the loop. */
const CHUNK = 1000;

class QueuedWatcher implements Watcher {
  private queue: WatchEvent[] = [];
  private scheduled = false;
  cancelled = false;

  constructor(
    readonly prefix: string,
    /** events up to this revision are already queued or delivered */
    public seen: number,
    private readonly onEvents: OnEvents,
    private readonly onCancel: (w: QueuedWatcher) => void,
  ) {}

  push(events: WatchEvent[]): void {
    for (const e of events) {
      if (e.kv.modRevision > this.seen && e.kv.key.startsWith(this.prefix)) this.queue.push(e);
    }
    if (events.length > 0) this.seen = Math.max(this.seen, events[events.length - 1].kv.modRevision);
    this.schedule();
  }

  cancel(): void {
    this.cancelled = true;
    this.queue = [];
    this.onCancel(this);
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    if (this.cancelled || this.queue.length === 0) return;
    const batch = this.queue.length <= CHUNK ? this.queue : this.queue.slice(0, CHUNK);
    this.queue = this.queue.length <= CHUNK ? [] : this.queue.slice(CHUNK);
    try {
      this.onEvents(batch);
    } catch (err) {
      // One faulty subscriber must not starve the others or lose its own later events.
      console.error(`store watch on ${this.prefix} threw:`, err);
    }
    this.schedule();
  }
}

export class WatchHub {
  private readonly watchers = new Set<QueuedWatcher>();

  get size(): number {
    return this.watchers.size;
  }

  /** `history` holds every event under `prefix` after `afterRevision` up to `upTo`, the durable revision. */
  add(prefix: string, afterRevision: number, upTo: number, history: WatchEvent[], onEvents: OnEvents): Watcher {
    const w = new QueuedWatcher(prefix, afterRevision, onEvents, (x) => this.watchers.delete(x));
    w.push(history);
    w.seen = Math.max(w.seen, upTo);
    this.watchers.add(w);
    return w;
  }

  /** A batch that just became durable, in revision order. */
  publish(events: WatchEvent[]): void {
    for (const w of this.watchers) w.push(events);
  }

  clear(): void {
    for (const w of [...this.watchers]) w.cancel();
  }
}
