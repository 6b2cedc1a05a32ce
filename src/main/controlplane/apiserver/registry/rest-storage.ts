// The generic REST storage: every verb of every resource, over one Store. One file per verb; this
// class only wires them to the shared context (services, watch caches).
import { StatusError } from '../../../../shared/k8s/status';
import { keyPrefixOf } from '../resources/types';
import type { Ctx, RestStorageDeps } from './context';
import { create } from './create';
import { del } from './delete';
import { deleteCollection } from './deletecollection';
import { get } from './get';
import type { ResourceRef } from './keys';
import { list } from './list';
import { patch } from './patch';
import type { PatchType, RequestInfo, ResourceHandlers, WatchSink, WriteResult } from './types';
import { update } from './update';
import { watch } from './watch';
import { WatchCache } from './watch-cache';

const DEFAULT_CACHE_CAPACITY = 10_000;

/** only the subresources a resource declares exist; anything else is upstream's plain 404 */
const served = async (req: RequestInfo, onOneObject = false): Promise<void> => {
  const sub = req.subresource;
  if (!sub) return;
  const ok = (sub === 'status' && req.resource.subresources.status) || (sub === 'scale' && req.resource.subresources.scale);
  if (!ok || !onOneObject || req.name === undefined) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
};

export class RestStorage implements ResourceHandlers {
  private readonly caches = new Map<string, WatchCache>();
  private readonly ctx: Ctx;
  private stop!: () => void;

  constructor(deps: RestStorageDeps) {
    const stopped = new Promise<void>((resolve) => (this.stop = resolve));
    this.ctx = { ...deps, stopped, cacheFor: (r) => this.cacheFor(r) };
  }

  get(req: RequestInfo): Promise<Record<string, any>> {
    return served(req, true).then(() => get(this.ctx, req));
  }
  list(req: RequestInfo): Promise<Record<string, any>> {
    return served(req).then(() => list(this.ctx, req));
  }
  watch(req: RequestInfo, sink: WatchSink): Promise<void> {
    return served(req).then(() => watch(this.ctx, req, sink));
  }
  create(req: RequestInfo, body: Record<string, any>): Promise<WriteResult> {
    return served(req).then(() => create(this.ctx, req, body));
  }
  update(req: RequestInfo, body: Record<string, any>): Promise<WriteResult> {
    return served(req, true).then(() => update(this.ctx, req, body));
  }
  patch(req: RequestInfo, patchType: PatchType, body: unknown): Promise<WriteResult> {
    return served(req, true).then(() => patch(this.ctx, req, patchType, body));
  }
  delete(req: RequestInfo, options: Record<string, any> | undefined): Promise<WriteResult> {
    return served(req).then(() => del(this.ctx, req, options));
  }
  deleteCollection(req: RequestInfo, options: Record<string, any> | undefined): Promise<Record<string, any>> {
    return served(req).then(() => deleteCollection(this.ctx, req, options));
  }

  /** ends open watches and the caches' store watches */
  close(): void {
    this.stop();
    for (const c of this.caches.values()) c.close();
    this.caches.clear();
  }

  private cacheFor(resource: ResourceRef): WatchCache {
    const prefix = keyPrefixOf(resource);
    let cache = this.caches.get(prefix);
    if (!cache) {
      cache = new WatchCache(this.ctx.store, prefix, this.ctx.watchCacheCapacity ?? DEFAULT_CACHE_CAPACITY);
      this.caches.set(prefix, cache);
    }
    return cache;
  }
}
