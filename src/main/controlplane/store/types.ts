// The contract of the store: etcd's MVCC model, as the API server needs it.
// Keys are strings such as "/registry/pods/default/web-0"; values are the object's JSON text.

export interface KeyValue {
  key: string;
  value: string;
  /** revision of the write that created this key (since its last delete) */
  createRevision: number;
  /** revision of the last write to this key */
  modRevision: number;
  /** number of writes since creation, starting at 1 */
  version: number;
}

export interface WatchEvent {
  type: 'PUT' | 'DELETE';
  /** for DELETE: key with empty value, modRevision = the delete's revision */
  kv: KeyValue;
  /** the previous value, when there was one */
  prevKv?: KeyValue;
}

export interface RangeOptions {
  /** read as of this revision; default: current. Older than the compacted revision → CompactedError */
  revision?: number;
  /** at most this many keys; 0 or undefined = no limit */
  limit?: number;
  /** only keys strictly greater than this (for paging) */
  startAfter?: string;
}

export interface RangeResult {
  kvs: KeyValue[];
  /** the revision the read was served at */
  revision: number;
  /** true if keys remained after `limit` */
  more: boolean;
  /** number of keys under the prefix remaining after this page */
  remaining: number;
}

export interface Watcher {
  cancel(): void;
}

export interface Store {
  /** current (latest committed) revision */
  readonly revision: number;
  /** the oldest revision still readable; reads and watches below it answer CompactedError */
  readonly compactRevision: number;

  get(key: string, revision?: number): KeyValue | undefined;
  range(prefix: string, options?: RangeOptions): RangeResult;
  count(prefix: string): number;

  /** Creates; throws KeyExistsError if the key is live. Resolves once durable. */
  create(key: string, value: string): Promise<KeyValue>;
  /** Compare-and-swap on modRevision when given. Throws KeyNotFoundError or RevisionMismatchError. */
  update(key: string, value: string, expectedModRevision?: number): Promise<KeyValue>;
  /** Leaves a tombstone. Returns the deleted kv. Throws KeyNotFoundError or RevisionMismatchError. */
  delete(key: string, expectedModRevision?: number): Promise<KeyValue>;

  /**
   * Delivers every event on keys under `prefix` with revision > `afterRevision`, in revision order,
   * with no gaps: first the history, then live events, each only once it is durable.
   * Throws CompactedError if afterRevision < compactRevision.
   */
  watch(prefix: string, afterRevision: number, onEvents: (events: WatchEvent[]) => void): Watcher;

  /** Drops history below `revision` (the latest value of every live key is kept). */
  compact(revision: number): void;

  /** Writes a consistent copy of the whole store to one file. */
  backup(file: string): Promise<void>;

  close(): void;
}
