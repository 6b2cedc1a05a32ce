// The generic REST storage: every verb of every resource, over one Store. One file per verb; this
// class only wires them to the shared context (services, watch caches).
import { generateKeyPairSync } from 'node:crypto';
import { StatusError } from '../../../../shared/k8s/status';
import { keyPrefixOf } from '../resources/types';
import { createServiceAccountTokens } from '../authn/service-account-tokens';
import type { ServiceAccountTokens } from '../authn/types';
import type { ServiceAllocations } from '../services/service-allocations';
import { createServiceAllocations } from './service-ips';
import { createAction, isActionRequest } from './actions';
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
const served = (req: RequestInfo, onOneObject = false): void => {
  const sub = req.subresource;
  if (!sub) return;
  if (req.verb === 'create' && isActionRequest(req)) return;
  const ok = (sub === 'status' && req.resource.subresources.status) || (sub === 'scale' && req.resource.subresources.scale);
  if (!ok || !onOneObject || req.name === undefined) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
};

/** starts the verb in this tick (so a watch is subscribed before the call returns); errors reject */
const run = <T>(verb: () => Promise<T>, req: RequestInfo, onOneObject = false): Promise<T> => {
  try {
    served(req, onOneObject);
    return verb();
  } catch (err) {
    return Promise.reject(err);
  }
};

export class RestStorage implements ResourceHandlers {
  private readonly caches = new Map<string, WatchCache>();
  private readonly ctx: Ctx;
  private readonly stopListeners = new Set<() => void>();

  constructor(deps: RestStorageDeps) {
    let tokens = deps.serviceAccountTokens;
    let services: ServiceAllocations | undefined;
    this.ctx = {
      ...deps,
      serviceAccountTokens: () => (tokens ??= createServiceAccountTokens(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)),
      serviceAllocations: () => (services ??= createServiceAllocations(this.ctx, deps.random)),
      cacheFor: (r) => this.cacheFor(r),
      onStop: (fn) => {
        this.stopListeners.add(fn);
        return () => this.stopListeners.delete(fn);
      },
    };
  }

  get(req: RequestInfo): Promise<Record<string, any>> {
    return run(() => get(this.ctx, req), req, true);
  }
  list(req: RequestInfo): Promise<Record<string, any>> {
    return run(() => list(this.ctx, req), req);
  }
  watch(req: RequestInfo, sink: WatchSink): Promise<void> {
    return run(() => watch(this.ctx, req, sink), req);
  }
  create(req: RequestInfo, body: Record<string, any>): Promise<WriteResult> {
    return run(() => (isActionRequest(req) ? createAction(this.ctx, req, body) : create(this.ctx, req, body)), req);
  }
  update(req: RequestInfo, body: Record<string, any>): Promise<WriteResult> {
    return run(() => update(this.ctx, req, body), req, true);
  }
  patch(req: RequestInfo, patchType: PatchType, body: unknown): Promise<WriteResult> {
    return run(() => patch(this.ctx, req, patchType, body), req, true);
  }
  delete(req: RequestInfo, options: Record<string, any> | undefined): Promise<WriteResult> {
    return run(() => del(this.ctx, req, options), req);
  }
  deleteCollection(req: RequestInfo, options: Record<string, any> | undefined): Promise<Record<string, any>> {
    return run(() => deleteCollection(this.ctx, req, options), req);
  }

  /** the signer of this cluster's service-account tokens (the authenticator checks them with it) */
  serviceAccountTokens(): ServiceAccountTokens {
    return this.ctx.serviceAccountTokens();
  }

  /** ends open watches and the caches' store watches */
  close(): void {
    for (const fn of [...this.stopListeners]) fn();
    this.stopListeners.clear();
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
