// One renderer's view of a cache: its filters, sort and window. Changes from the cache are queued
// (collapsed per uid) and applied once per frame: a few by binary search and splice, many by one
// filter pass and one merge, so nothing re-sorts 50,000 rows per event. An update is sent only
// when the window's rows, the totals, the columns or the state changed.
import type { ViewRow, ViewSpec, ViewUpdate } from '../../../shared/bridge/types';
import type { CacheLease } from '../cache/registry';
import type { CacheListener, RowChange } from '../cache/resource-cache';
import { searchTextOf, type CacheRow } from '../cache/rows';
import { labelMatcher } from './label-selector';
import { compareFor, lowerBound, mergeSorted, type Compare } from './order';

/** schedules fn after ms and returns a cancel; tests pass fake time */
export type Schedule = (fn: () => void, ms: number) => () => void;
export const realSchedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export const FRAME_MS = 16;
/** above this many changes in a frame, one filter pass and a merge beat per-row splices */
const BULK = 64;

interface Sent {
  total: number;
  unfiltered: number;
  offset: number;
  rows: CacheRow[];
  columns: unknown;
  loading: boolean;
  error?: string;
}

export const toViewRow = (r: CacheRow): ViewRow => ({
  uid: r.uid,
  ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
  name: r.name,
  cells: r.cells,
  ...(r.health ? { health: r.health } : {}),
  ...(r.labels ? { labels: r.labels } : {}),
});

export class View implements CacheListener {
  private sorted: CacheRow[] = [];
  private unfiltered = 0;
  private readonly pending = new Map<string, RowChange>();
  private cmp!: Compare;
  private inScope!: (r: CacheRow) => boolean;
  private match!: (r: CacheRow) => boolean;
  private columnsSeen: unknown;
  private last?: Sent;
  private cancelFrame?: () => void;
  private unlisten: () => void;

  constructor(
    private viewSpec: ViewSpec,
    private lease: CacheLease,
    private readonly send: (u: ViewUpdate) => void,
    private readonly schedule: Schedule = realSchedule,
  ) {
    this.unlisten = lease.cache.listen(this);
  }

  get spec(): ViewSpec {
    return this.viewSpec;
  }

  get cacheError(): boolean {
    return this.lease.cache.error !== undefined;
  }

  get cacheKey(): CacheLease['cache']['key'] {
    return this.lease.cache.key;
  }

  /** the current window, computed now (the answer to subscribe and update) */
  current(): ViewUpdate {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.rebuild();
    return this.snapshot(true)!;
  }

  /** new filters/sort/window; a different namespace scope may move the view to another cache */
  reconfigure(spec: ViewSpec, lease?: CacheLease): ViewUpdate {
    this.viewSpec = spec;
    if (lease && lease.cache !== this.lease.cache) {
      this.unlisten();
      this.lease.release();
      this.lease = lease;
      this.unlisten = lease.cache.listen(this);
    } else lease?.release();
    this.pending.clear();
    return this.current();
  }

  onChanges(changes: RowChange[]): void {
    for (const c of changes) {
      const uid = (c.row ?? c.old)!.uid;
      const p = this.pending.get(uid);
      if (p) p.row = c.row;
      else this.pending.set(uid, { old: c.old, row: c.row });
    }
    this.requestFrame();
  }

  onState(): void {
    this.requestFrame();
  }

  close(): void {
    this.cancelFrame?.();
    this.unlisten();
    this.lease.release();
  }

  private requestFrame(): void {
    if (this.cancelFrame) return;
    this.cancelFrame = this.schedule(() => this.frame(), FRAME_MS);
  }

  private frame(): void {
    this.cancelFrame = undefined;
    if (this.columnsSeen !== this.lease.cache.columns) this.rebuild();
    else this.applyPending();
    const update = this.snapshot(false);
    if (update) this.send(update);
  }

  private configure(): void {
    const spec = this.viewSpec;
    const namespaces = spec.namespaces.length ? new Set(spec.namespaces) : undefined;
    const labels = labelMatcher(spec.labelSelector);
    const text = spec.text?.trim().toLowerCase();
    this.inScope = namespaces ? (r) => namespaces.has(r.namespace ?? '') : () => true;
    this.match = (r) => this.inScope(r) && (!labels || labels(r.labels)) && (!text || searchTextOf(r).includes(text));
    this.columnsSeen = this.lease.cache.columns;
    this.cmp = compareFor(spec.sort, this.lease.cache.columns);
  }

  private rebuild(): void {
    this.configure();
    this.pending.clear();
    const rows: CacheRow[] = [];
    let unfiltered = 0;
    for (const r of this.lease.cache.rows.values()) {
      if (!this.inScope(r)) continue;
      unfiltered++;
      if (this.match(r)) rows.push(r);
    }
    this.sorted = rows.sort(this.cmp);
    this.unfiltered = unfiltered;
  }

  private applyPending(): void {
    const removes: CacheRow[] = [];
    const inserts: CacheRow[] = [];
    for (const { old, row } of this.pending.values()) {
      if (old && this.inScope(old)) this.unfiltered--;
      if (row && this.inScope(row)) this.unfiltered++;
      if (old && this.match(old)) removes.push(old);
      if (row && this.match(row)) inserts.push(row);
    }
    this.pending.clear();
    if (removes.length + inserts.length > BULK) return this.applyBulk(removes, inserts);
    for (const r of removes) {
      const i = lowerBound(this.sorted, r, this.cmp);
      const at = this.sorted[i] === r ? i : this.sorted.indexOf(r);
      if (at >= 0) this.sorted.splice(at, 1);
    }
    for (const r of inserts) this.sorted.splice(lowerBound(this.sorted, r, this.cmp), 0, r);
  }

  private applyBulk(removes: CacheRow[], inserts: CacheRow[]): void {
    const gone = new Set(removes);
    const kept = gone.size ? this.sorted.filter((r) => !gone.has(r)) : this.sorted;
    this.sorted = mergeSorted(kept, inserts.sort(this.cmp), this.cmp);
  }

  /** the update to send, or undefined when nothing the renderer shows changed */
  private snapshot(force: boolean): ViewUpdate | undefined {
    const cache = this.lease.cache;
    const { offset, limit } = this.viewSpec.window;
    const rows = this.sorted.slice(offset, offset + limit);
    const sent: Sent = { total: this.sorted.length, unfiltered: this.unfiltered, offset, rows, columns: cache.columns, loading: cache.loading, error: cache.error ? `${cache.error.code}:${cache.error.message}` : undefined };
    if (!force && this.last && same(this.last, sent)) return undefined;
    this.last = sent;
    return {
      total: sent.total,
      unfiltered: sent.unfiltered,
      offset,
      rows: rows.map(toViewRow),
      columns: cache.columns,
      loading: cache.loading,
      ...(cache.error ? { error: cache.error } : {}),
    };
  }
}

const same = (a: Sent, b: Sent): boolean =>
  a.total === b.total &&
  a.unfiltered === b.unfiltered &&
  a.offset === b.offset &&
  a.columns === b.columns &&
  a.loading === b.loading &&
  a.error === b.error &&
  a.rows.length === b.rows.length &&
  a.rows.every((r, i) => r === b.rows[i]);
