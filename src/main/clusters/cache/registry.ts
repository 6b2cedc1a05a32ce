// Caches are shared: every view of the same (cluster, resource, namespace scope) reads one cache.
// They are counted by reference and dropped a while after the last view closes, so flipping
// between kinds in the sidebar does not relist each time.
import type { ResourceRef } from '../../../shared/bridge/types';
import type { KubeConfigSource, KubeHttp } from './kube-http';
import { ResourceCache, type CacheKey, type CacheOptions } from './resource-cache';

export interface CacheLease {
  cache: ResourceCache;
  release(): void;
}

interface Entry {
  cache: ResourceCache;
  refs: number;
  idle?: ReturnType<typeof setTimeout>;
}

export interface CacheRegistryOptions extends CacheOptions {
  /** how long an unused cache lives on (default 60 s) */
  idleMs?: number;
}

const keyOf = (k: CacheKey): string => `${k.clusterId}\u0000${k.resource.group}/${k.resource.version}/${k.resource.plural}\u0000${k.namespace}`;

export class CacheRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe?: () => void;

  constructor(
    private readonly http: KubeHttp,
    source: KubeConfigSource,
    private readonly opts: CacheRegistryOptions = {},
  ) {
    this.unsubscribe = source.onDidReconnect?.((clusterId) => {
      for (const e of this.entries.values()) if (e.cache.key.clusterId === clusterId) e.cache.interruptWatch();
    });
  }

  /**
   * The cache a view of these namespaces reads: all namespaces, except that a view of one namespace
   * reads that namespace's own cache (users allowed only there can list it) unless a healthy
   * all-namespaces cache is already there to share.
   */
  keyFor(clusterId: string, resource: ResourceRef, namespaces: string[]): CacheKey {
    const all: CacheKey = { clusterId, resource: { group: resource.group, version: resource.version, plural: resource.plural }, namespace: '' };
    if (namespaces.length !== 1) return all;
    const shared = this.entries.get(keyOf(all));
    if (shared && !shared.cache.error) return all;
    return { ...all, namespace: namespaces[0] };
  }

  acquire(key: CacheKey): CacheLease {
    const k = keyOf(key);
    let entry = this.entries.get(k);
    if (!entry) {
      entry = { cache: new ResourceCache(key, this.http, this.opts), refs: 0 };
      this.entries.set(k, entry);
      entry.cache.start();
    }
    const e = entry;
    if (e.idle) clearTimeout(e.idle);
    e.idle = undefined;
    e.refs++;
    let released = false;
    return {
      cache: e.cache,
      release: () => {
        if (released) return;
        released = true;
        if (--e.refs > 0) return;
        e.idle = setTimeout(() => this.drop(k, e), this.opts.idleMs ?? 60_000);
        e.idle.unref?.();
      },
    };
  }

  /** live caches, for figures and tests */
  get size(): number {
    return this.entries.size;
  }

  private drop(k: string, e: Entry): void {
    if (e.refs > 0 || this.entries.get(k) !== e) return;
    this.entries.delete(k);
    e.cache.stop();
  }

  dispose(): void {
    this.unsubscribe?.();
    for (const [k, e] of this.entries) {
      if (e.idle) clearTimeout(e.idle);
      this.entries.delete(k);
      e.cache.stop();
    }
  }
}
