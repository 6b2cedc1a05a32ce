// Group commit, as etcd batches its raft log: writes are applied to SQLite one by one (so
// compare-and-swap and revisions are exact) and then acknowledged together after one fsync.
// While an fsync runs, new writes gather into the next group, so throughput grows with
// the number of concurrent writers while each write still waits for its own fsync.
import type { KeyValue, WatchEvent } from './types';
import type { Syncer } from './wal-sync';
import { StoreFailedError } from './errors';

interface Pending {
  event: WatchEvent;
  result: KeyValue;
  resolve: (kv: KeyValue) => void;
  reject: (err: unknown) => void;
}

export class GroupCommitter {
  private open: Pending[] = [];
  private inFlight: Pending[] | undefined;
  private scheduled = false;
  private failure: StoreFailedError | undefined;

  constructor(
    private readonly syncer: Syncer,
    /** receives each durable group, in revision order, before its writers are acknowledged */
    private readonly onDurable: (events: WatchEvent[]) => void,
  ) {}

  get failed(): StoreFailedError | undefined {
    return this.failure;
  }

  /** Call right after the write is committed to SQLite; resolves with `result` once durable. */
  enqueue(event: WatchEvent, result: KeyValue): Promise<KeyValue> {
    return new Promise((resolve, reject) => {
      this.open.push({ event, result, resolve, reject });
      if (!this.scheduled && !this.inFlight) {
        this.scheduled = true;
        // Wait one turn of the loop so writers that started together share an fsync.
        setImmediate(() => this.start());
      }
    });
  }

  /** Makes everything durable now (used by close). */
  flushNow(): void {
    const groups = [this.inFlight ?? [], this.open];
    this.inFlight = undefined;
    this.open = [];
    if (groups[0].length + groups[1].length === 0) return;
    try {
      this.syncer.syncNow();
    } catch (err) {
      for (const g of groups) this.fail(g, err);
      return;
    }
    for (const g of groups) this.acknowledge(g);
  }

  private start(): void {
    this.scheduled = false;
    if (this.inFlight || this.open.length === 0 || this.failure) return;
    const group = this.open;
    this.open = [];
    this.inFlight = group;
    this.syncer.sync((err) => {
      if (this.inFlight !== group) return; // flushNow already settled it
      this.inFlight = undefined;
      if (err) {
        this.fail(group, err);
        this.fail(this.open, err);
        this.open = [];
        return;
      }
      this.acknowledge(group);
      this.start();
    });
  }

  private acknowledge(group: Pending[]): void {
    if (group.length === 0) return;
    this.onDurable(group.map((p) => p.event));
    for (const p of group) p.resolve(p.result);
  }

  /** After a failed fsync nothing is known about what reached the disk (fsyncgate): stop for good. */
  private fail(group: Pending[], err: unknown): void {
    this.failure ??= new StoreFailedError(err);
    for (const p of group) p.reject(this.failure);
  }
}
