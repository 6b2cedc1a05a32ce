// What every verb needs: the injected services plus the per-resource caches.
import type { Store } from '../../store/types';
import type { FieldManager } from '../apply/types';
import type { ServiceAccountTokens } from '../authn/types';
import type { ServiceAllocations } from '../services/service-allocations';
import type { KindStrategy } from '../defaults/types';
import type { ResourceRegistry } from '../resources/registry';
import type { SchemaService } from '../schema/types';
import type { ResourceRef } from './keys';
import type { WatchCache } from './watch-cache';

export interface Clock {
  now(): Date;
}

export interface RestStorageDeps {
  store: Store;
  resources: ResourceRegistry;
  schema: SchemaService;
  fieldManager: FieldManager;
  strategy: KindStrategy;
  clock: Clock;
  uid: () => string;
  /** random source for generateName suffixes; defaults to crypto */
  random?: () => number;
  /** how often watches with allowWatchBookmarks get a BOOKMARK; upstream sends about one a minute */
  bookmarkIntervalMs?: number;
  /** events kept per resource so watches from a recent resourceVersion are served from memory */
  watchCacheCapacity?: number;
  /** signs TokenRequests; without it the storage makes an ephemeral key on first use */
  serviceAccountTokens?: ServiceAccountTokens;
}

export interface Ctx extends Omit<RestStorageDeps, 'serviceAccountTokens'> {
  serviceAccountTokens(): ServiceAccountTokens;
  /** cluster IPs and node ports of Services, built on first use */
  serviceAllocations(): ServiceAllocations;
  cacheFor(resource: ResourceRef): WatchCache;
  /** runs `fn` when the storage shuts down (open watches end); returns the unsubscribe */
  onStop(fn: () => void): () => void;
}
