// A shared informer, as client-go's: list, then watch from the list's resourceVersion, keeping an
// indexed cache and telling handlers about adds, updates and deletes in the order they happened.
// A watch that ends is resumed from the last resourceVersion seen (bookmarks included); a 410
// (the revision was compacted) makes it list again and reconcile the cache with the fresh list.
import { StatusError } from '../../../shared/k8s/status';
import type { WatchEventOut } from '../apiserver/registry/types';
import type { ApiClient } from './api-client';
import { type Clock, realClock, sleepUnless } from './clock';
import { type IndexFunc, Indexer, keyOf } from './indexer';
import { Lister } from './lister';
import { consoleLogger, type Logger } from './logger';
import type { WatchHandle } from './watch-stream';
import { HandlerSet, type EventHandlers } from './handlers';
import { replaceAll } from './replace';

export type { EventHandlers } from './handlers';

export interface InformerOptions {
  client: ApiClient;
  apiVersion: string;
  kind: string;
  /** watch one namespace only; all namespaces when undefined */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  indexers?: Record<string, IndexFunc>;
  /** replays every cached object to handlers as onUpdate(obj, obj) this often; 0 = never */
  resyncPeriodMs?: number;
  /** list page size; 0 lists everything at once (in-process there is no response size to bound) */
  pageSize?: number;
  clock?: Clock;
  logger?: Logger;
}

const isExpired = (err: unknown): boolean => err instanceof StatusError && (err.code === 410 || err.reason === 'Expired' || err.reason === 'Gone');
const MIN_BACKOFF_MS = 800;
const MAX_BACKOFF_MS = 30_000;

type WatchEnd = 'ended' | 'expired' | 'failed';

export class Informer {
  readonly indexer: Indexer;
  readonly lister: Lister;
  private readonly handlers: HandlerSet;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private resourceVersion = '';
  private synced = false;
  private started = false;
  private stopped = false;
  private stopSignal!: () => void;
  private readonly stopping = new Promise<void>((resolve) => (this.stopSignal = resolve));
  private syncWaiters: (() => void)[] = [];
  private watch?: WatchHandle;
  private loop?: Promise<void>;

  constructor(private readonly options: InformerOptions) {
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? consoleLogger;
    this.indexer = new Indexer(options.indexers);
    this.lister = new Lister(this.indexer);
    this.handlers = new HandlerSet(this.logger, `${options.kind} informer`);
  }

  get kind(): string {
    return this.options.kind;
  }

  /** handlers added after the initial list get an onAdd for every cached object first */
  addEventHandler(handlers: EventHandlers): () => void {
    if (this.synced) for (const obj of this.indexer.values()) this.handlers.callOne(handlers, 'add', obj, undefined, true);
    return this.handlers.add(handlers);
  }

  addIndexers(indexers: Record<string, IndexFunc>): void {
    this.indexer.addIndexers(indexers);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** resolves once the first list is in the cache and handed to handlers; false if stopped first */
  waitForSync(): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => this.syncWaiters.push(() => resolve(this.synced)));
  }

  lastSyncResourceVersion(): string {
    return this.resourceVersion;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.loop = this.run();
    if (this.options.resyncPeriodMs) void this.resyncLoop(this.options.resyncPeriodMs);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopSignal();
    this.watch?.stop();
    for (const w of this.syncWaiters.splice(0)) w();
    await this.loop;
  }

  private async run(): Promise<void> {
    let needList = true;
    let failures = 0;
    while (!this.stopped) {
      let end: WatchEnd;
      try {
        if (needList) await this.relist();
        needList = false;
        end = await this.watchOnce();
      } catch (err) {
        end = isExpired(err) ? 'expired' : 'failed';
        if (end === 'failed' && !this.stopped) this.logger.warn(`${this.options.kind}: list/watch failed`, err);
      }
      if (end === 'expired') needList = true;
      failures = end === 'failed' ? failures + 1 : 0;
      if (failures > 0) await sleepUnless(this.clock, Math.min(MIN_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS), this.stopping);
    }
  }

  private async relist(): Promise<void> {
    const { client, apiVersion, kind, namespace, labelSelector, fieldSelector, pageSize } = this.options;
    const list = await client.listAll(apiVersion, kind, { namespace, labelSelector, fieldSelector, limit: pageSize || undefined });
    if (this.stopped) return;
    replaceAll(this.indexer, list.items, this.handlers, this.synced);
    this.resourceVersion = list.metadata?.resourceVersion ?? '';
    if (!this.synced) {
      this.synced = true;
      for (const w of this.syncWaiters.splice(0)) w();
    }
  }

  /** one watch from the last resourceVersion, until it ends; a watch that delivers nothing and ends is a failure (backs off) */
  private watchOnce(): Promise<WatchEnd> {
    const { client, apiVersion, kind, namespace, labelSelector, fieldSelector } = this.options;
    let end: WatchEnd | undefined;
    let delivered = false;
    // The storage may send events before watch() returns a handle, so stop through a holder.
    const live: { handle?: WatchHandle } = {};
    const onEvent = (event: WatchEventOut): void => {
      if (end) return;
      if (event.type === 'ERROR') {
        end = event.object?.code === 410 ? 'expired' : 'failed';
        if (end === 'failed') this.logger.warn(`${kind}: watch error: ${event.object?.message ?? 'unknown'}`);
        live.handle?.stop();
        return;
      }
      delivered = true;
      this.deliver(event);
    };
    const handle = client.watch(apiVersion, kind, { namespace, labelSelector, fieldSelector, resourceVersion: this.resourceVersion, allowWatchBookmarks: true }, onEvent);
    live.handle = this.watch = handle;
    if (end || this.stopped) handle.stop();
    return handle.done.then(() => end ?? (delivered || this.stopped ? 'ended' : 'failed'));
  }

  private deliver(event: WatchEventOut): void {
    const obj = event.object;
    const rv = obj.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (event.type === 'BOOKMARK') return;
    if (event.type === 'DELETED') {
      this.indexer.remove(keyOf(obj));
      this.handlers.call('delete', obj);
      return;
    }
    const old = this.indexer.set(obj);
    if (old) this.handlers.call('update', obj, old);
    else this.handlers.call('add', obj, undefined, false);
  }

  private async resyncLoop(periodMs: number): Promise<void> {
    while (await sleepUnless(this.clock, periodMs, this.stopping)) {
      if (!this.synced) continue;
      for (const obj of this.indexer.values()) this.handlers.call('update', obj, obj);
    }
  }
}
