// The latest live value of every key, in memory, for reads at the current revision.
// It holds only durable writes: the group committer applies a batch here after its fsync,
// so a reader never sees a revision that a crash could take back.
import type { KeyValue, RangeResult } from './types';
import { SortedKeys } from './sorted-keys';
import { prefixEnd } from './keys';

export class KeyIndex {
  private readonly byKey = new Map<string, KeyValue>();
  private readonly sorted: SortedKeys;

  /** `kvs` must come in key order. */
  constructor(kvs: Iterable<KeyValue>) {
    const keys: string[] = [];
    for (const kv of kvs) {
      this.byKey.set(kv.key, kv);
      keys.push(kv.key);
    }
    this.sorted = new SortedKeys(keys);
  }

  get(key: string): KeyValue | undefined {
    return this.byKey.get(key);
  }

  put(kv: KeyValue): void {
    if (!this.byKey.has(kv.key)) this.sorted.insert(kv.key);
    this.byKey.set(kv.key, kv);
  }

  delete(key: string): void {
    if (this.byKey.delete(key)) this.sorted.remove(key);
  }

  /** Everything currently live, in key order (to seed the writer's view at open). */
  entries(): IterableIterator<[string, KeyValue]> {
    return this.byKey.entries();
  }

  count(prefix: string): number {
    const [start, end] = this.span(prefix);
    return end - start;
  }

  range(prefix: string, revision: number, limit = 0, startAfter?: string): RangeResult {
    const [first, end] = this.span(prefix);
    let start = first;
    if (startAfter !== undefined) start = Math.max(start, this.sorted.upperBound(startAfter));
    start = Math.min(start, end);
    const stop = limit > 0 ? Math.min(end, start + limit) : end;
    const kvs: KeyValue[] = new Array(stop - start);
    for (let i = start; i < stop; i++) kvs[i - start] = this.byKey.get(this.sorted.at(i)) as KeyValue;
    return { kvs, revision, more: stop < end, remaining: end - stop };
  }

  private span(prefix: string): [number, number] {
    const start = this.sorted.lowerBound(prefix);
    const hi = prefixEnd(prefix);
    const end = hi === undefined ? this.sorted.size : this.sorted.lowerBound(hi);
    return [start, end];
  }
}
