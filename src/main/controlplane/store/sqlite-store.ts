// The Store: SQLite holds the log (every revision until compacted); memory holds the latest
// durable value of every key. Writes are checked against the writer's view (which includes
// writes still waiting for their fsync), appended to the log, then acknowledged by the group
// committer, which also advances the readable revision and feeds the watchers.
import type Database from 'better-sqlite3';
import type { KeyValue, RangeOptions, RangeResult, Store, WatchEvent, Watcher } from './types';
import type { Syncer } from './wal-sync';
import type { Mutation } from './mutations';
import { LogTable } from './log-table';
import { KeyIndex } from './key-index';
import { WatchHub } from './watch-hub';
import { GroupCommitter } from './group-commit';
import { planCreate, planDelete, planUpdate } from './mutations';
import { CompactedError, FutureRevisionError } from './errors';
import { validateKey, validateValue } from './keys';
import { backupDatabase } from './backup';

export class SqliteStore implements Store {
  private readonly log: LogTable;
  private readonly index: KeyIndex;
  /** latest value per key including writes not yet durable: what CAS checks run against */
  private readonly writerView: Map<string, KeyValue>;
  private readonly hub = new WatchHub();
  private readonly committer: GroupCommitter;
  private appliedRevision: number;
  private durableRevision: number;
  private compacted: number;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly syncer: Syncer,
  ) {
    this.log = new LogTable(db);
    this.index = new KeyIndex(this.log.latest());
    this.writerView = new Map(this.index.entries());
    this.compacted = this.log.compactRevision();
    this.appliedRevision = Math.max(this.log.maxRevision(), this.compacted);
    this.durableRevision = this.appliedRevision;
    this.committer = new GroupCommitter(syncer, (events) => this.onDurable(events));
  }

  get revision(): number {
    return this.durableRevision;
  }

  get compactRevision(): number {
    return this.compacted;
  }

  get(key: string, revision?: number): KeyValue | undefined {
    if (this.isCurrent(revision)) return this.index.get(key);
    this.checkReadable(revision as number);
    return this.log.getAt(key, revision as number);
  }

  range(prefix: string, options: RangeOptions = {}): RangeResult {
    const { revision, limit = 0, startAfter } = options;
    if (this.isCurrent(revision)) return this.index.range(prefix, this.durableRevision, limit, startAfter);
    const rev = revision as number;
    this.checkReadable(rev);
    const kvs = this.log.rangeAt(prefix, rev, startAfter, limit);
    const remaining = limit > 0 ? this.log.countAt(prefix, rev, startAfter) - kvs.length : 0;
    return { kvs, revision: rev, more: remaining > 0, remaining };
  }

  count(prefix: string): number {
    this.ensureOpen();
    return this.index.count(prefix);
  }

  create(key: string, value: string): Promise<KeyValue> {
    return this.write(() => {
      validateKey(key);
      validateValue(value);
      return planCreate(key, value, this.writerView.get(key), this.appliedRevision + 1);
    });
  }

  update(key: string, value: string, expectedModRevision?: number): Promise<KeyValue> {
    return this.write(() => {
      validateKey(key);
      validateValue(value);
      return planUpdate(key, value, this.writerView.get(key), expectedModRevision, this.appliedRevision + 1);
    });
  }

  delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    return this.write(() => {
      validateKey(key);
      return planDelete(key, this.writerView.get(key), expectedModRevision, this.appliedRevision + 1);
    });
  }

  watch(prefix: string, afterRevision: number, onEvents: (events: WatchEvent[]) => void): Watcher {
    this.ensureOpen();
    if (afterRevision < this.compacted) throw new CompactedError(afterRevision, this.compacted);
    const upTo = this.durableRevision;
    const history = afterRevision < upTo ? this.log.events(prefix, afterRevision, upTo) : [];
    return this.hub.add(prefix, afterRevision, upTo, history, onEvents);
  }

  compact(revision: number): void {
    this.ensureOpen();
    if (revision > this.durableRevision) throw new FutureRevisionError(revision, this.durableRevision);
    if (revision <= this.compacted) return;
    this.log.compact(this.compacted, revision);
    this.compacted = revision;
  }

  backup(file: string): Promise<void> {
    this.ensureOpen();
    return backupDatabase(this.db, file);
  }

  close(): void {
    if (this.closed) return;
    this.committer.flushNow();
    this.closed = true;
    this.hub.clear();
    this.syncer.close();
    this.db.close();
  }

  /** Applies one write to SQLite now (its own transaction) and acknowledges it once durable. */
  private write(plan: () => Mutation): Promise<KeyValue> {
    try {
      this.ensureOpen();
      if (this.committer.failed) throw this.committer.failed;
      const m = plan();
      this.log.append(m.row);
      // Only after the row is in: a failed insert leaves neither the log nor memory changed.
      this.appliedRevision = m.row.id;
      if (m.next) this.writerView.set(m.row.key, m.next);
      else this.writerView.delete(m.row.key);
      return this.committer.enqueue(m.event, m.result);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private onDurable(events: WatchEvent[]): void {
    for (const e of events) {
      if (e.type === 'PUT') this.index.put(e.kv);
      else this.index.delete(e.kv.key);
    }
    this.durableRevision = events[events.length - 1].kv.modRevision;
    this.hub.publish(events);
  }

  private isCurrent(revision: number | undefined): boolean {
    this.ensureOpen();
    return revision === undefined || revision === 0 || revision === this.durableRevision;
  }

  private checkReadable(revision: number): void {
    if (revision > this.durableRevision) throw new FutureRevisionError(revision, this.durableRevision);
    if (revision < this.compacted) throw new CompactedError(revision, this.compacted);
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }
}
