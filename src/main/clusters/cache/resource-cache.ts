// One informer-style cache of a resource in one namespace scope: list in pages of Table rows, then
// watch (same Table Accept) from the list's resourceVersion. A dropped watch resumes from the last
// resourceVersion seen (bookmarks keep it fresh); only 410 Gone makes it relist, and then the
// difference against what it held is emitted as ordinary changes.
import type { ResourceRef, ViewColumn } from '../../../shared/bridge/types';
import { resourcePath, type KubeHttp } from './kube-http';
import { FALLBACK_COLUMNS, columnsOf, contextOf, rowFromObject, rowFromTable, type CacheRow, type RowContext } from './rows';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export interface CacheKey {
  clusterId: string;
  resource: ResourceRef;
  /** '' = all namespaces */
  namespace: string;
}

/** old = the row before (absent on create), row = after (absent on delete) */
export interface RowChange {
  old?: CacheRow;
  row?: CacheRow;
}

export interface CacheListener {
  onChanges(changes: RowChange[]): void;
  /** columns, loading or error changed */
  onState(): void;
}

export interface CacheOptions {
  pageSize?: number;
  /** server-side watch timeout; the cache re-watches from the last resourceVersion when it ends */
  watchTimeoutSeconds?: number;
  retryDelayMs?: (attempt: number) => number;
}

export class ResourceCache {
  readonly rows = new Map<string, CacheRow>();
  columns: ViewColumn[] = [];
  loading = true;
  error?: { code: string; message: string };
  /** how many list calls (first list and relists) and watch calls were made: tests and figures */
  listCalls = 0;
  watchCalls = 0;
  private ctx: RowContext;
  private resourceVersion = '';
  private readonly listeners = new Set<CacheListener>();
  private stopped = false;
  private abort?: AbortController;
  private readonly opts: Required<CacheOptions>;

  constructor(
    readonly key: CacheKey,
    private readonly http: KubeHttp,
    opts: CacheOptions = {},
  ) {
    this.ctx = contextOf(key.resource.plural, []);
    this.opts = { pageSize: 500, watchTimeoutSeconds: 290 + Math.floor(Math.random() * 60), retryDelayMs: (n) => Math.min(30_000, 500 * 2 ** n), ...opts };
  }

  listen(l: CacheListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  /** ends the current watch; the loop resumes it from the last resourceVersion (e.g. after a reconnect) */
  interruptWatch(): void {
    this.abort?.abort();
  }

  private get path(): string {
    return resourcePath(this.key.resource, this.key.namespace || undefined);
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      try {
        if (!this.resourceVersion) await this.list();
        attempt = 0;
        await this.watch();
      } catch (err) {
        if (this.stopped) return;
        if ((err as { code?: unknown }).code === 410) {
          this.resourceVersion = '';
          continue;
        }
        this.fail(err);
        await new Promise((r) => setTimeout(r, this.opts.retryDelayMs(attempt++)).unref?.());
      }
    }
  }

  private fail(err: unknown): void {
    const e = err as { code?: unknown; message?: string };
    const code = e.code === 403 ? 'Forbidden' : e.code === 401 ? 'Unauthorized' : e.code === 404 ? 'NotFound' : typeof e.code === 'number' ? 'Error' : 'Offline';
    this.error = { code, message: e.message ?? String(err) };
    this.emitState();
  }

  private page(cont: string | undefined): Promise<any> {
    return this.http.json(this.key.clusterId, { path: this.path, accept: TABLE_ACCEPT, query: { limit: this.opts.pageSize, continue: cont, includeObject: 'Metadata' } });
  }

  private async list(): Promise<void> {
    this.listCalls++;
    const seen = new Set<string>();
    let rv = '';
    let next: Promise<any> | undefined = this.page(undefined);
    while (next && !this.stopped) {
      const page: any = await next;
      // the server prepares the next page while this one is turned into rows
      const cont: string | undefined = page?.metadata?.continue || undefined;
      next = cont ? this.page(cont) : undefined;
      next?.catch(() => undefined);
      const rows = this.pageRows(page);
      for (const r of rows) seen.add(r.uid);
      this.apply(rows.map((row) => ({ old: this.rows.get(row.uid), row })).filter((c) => c.old?.resourceVersion !== c.row.resourceVersion));
      rv = page?.metadata?.resourceVersion ?? rv;
    }
    const gone = [...this.rows.values()].filter((r) => !seen.has(r.uid));
    this.apply(gone.map((old) => ({ old })));
    this.resourceVersion = rv;
    const wasLoading = this.loading || this.error;
    this.loading = false;
    this.error = undefined;
    if (wasLoading) this.emitState();
  }

  private pageRows(page: any): CacheRow[] {
    if (page?.kind === 'Table') {
      if (page.columnDefinitions?.length) this.setColumns(columnsOf(page.columnDefinitions));
      return (page.rows ?? []).map((r: any) => rowFromTable(this.ctx, r));
    }
    if (!this.columns.length) this.setColumns(FALLBACK_COLUMNS);
    return (page?.items ?? []).map(rowFromObject);
  }

  private setColumns(columns: ViewColumn[]): void {
    if (JSON.stringify(columns) === JSON.stringify(this.columns)) return;
    this.columns = columns;
    this.ctx = contextOf(this.key.resource.plural, columns);
    this.emitState();
  }

  private async watch(): Promise<void> {
    this.watchCalls++;
    const abort = (this.abort = new AbortController());
    // a connection that died without a word ends no stream: give up on it after the server's own timeout
    const dead = setTimeout(() => abort.abort(), (this.opts.watchTimeoutSeconds + 30) * 1000);
    dead.unref?.();
    const query = { watch: 1, resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: this.opts.watchTimeoutSeconds, includeObject: 'Metadata' };
    try {
      await this.http.stream(this.key.clusterId, { path: this.path, accept: TABLE_ACCEPT, query }, (e) => this.onEvent(e), this.abort.signal);
    } catch (err) {
      // an interrupted watch is resumed, not reported
      if (!abort.signal.aborted) throw err;
    } finally {
      clearTimeout(dead);
    }
  }

  private onEvent(e: { type: string; object: any }): void {
    const obj = e.object ?? {};
    if (this.error && e.type !== 'ERROR') {
      this.error = undefined;
      this.emitState();
    }
    if (e.type === 'ERROR') {
      const err = Object.assign(new Error(obj.message ?? 'watch failed'), { code: obj.code });
      throw err;
    }
    if (e.type === 'BOOKMARK') {
      this.resourceVersion = obj.metadata?.resourceVersion ?? this.resourceVersion;
      return;
    }
    const rows = obj.kind === 'Table' ? this.pageRows(obj) : this.pageRows({ items: [obj] });
    for (const row of rows) {
      if (row.resourceVersion) this.resourceVersion = row.resourceVersion;
      const old = this.rows.get(row.uid);
      this.apply([e.type === 'DELETED' ? { old } : { old, row }]);
    }
  }

  private apply(changes: RowChange[]): void {
    const real = changes.filter((c) => c.old || c.row);
    if (!real.length) return;
    for (const c of real) {
      if (c.row) this.rows.set(c.row.uid, c.row);
      else if (c.old) this.rows.delete(c.old.uid);
    }
    for (const l of this.listeners) l.onChanges(real);
  }

  private emitState(): void {
    for (const l of this.listeners) l.onState();
  }
}
