// The kinds each cluster serves, cached per cluster. While a cluster is connected the cache is
// re-checked every 30 s (ETag: an unchanged server answers 304) and at once when invalidate() is
// called, e.g. by a CRD watch. onDidChange(clusterId) fires when the kinds differ.
import type { KubeConfig } from '@kubernetes/client-node';
import type { ResourceKind } from '../../../shared/bridge/types';
import type { Clock } from '../connections/clock';
import type { ConnectionStatus } from '../connections/connection-manager';
import { Emitter, type Disposable, type Logger } from '../logger';
import { fetchKinds, type DiscoveryMemo } from './fetch-kinds';

export interface DiscoveryDeps {
  connections: {
    kubeConfigFor(clusterId: string): Promise<KubeConfig>;
    onDidChange(listener: (status: ConnectionStatus) => void): Disposable;
  };
  clock: Clock;
  logger: Logger;
  /** default 30 s */
  refreshMs?: number;
}

interface Entry {
  kinds?: ResourceKind[];
  memo: DiscoveryMemo;
  pending?: Promise<ResourceKind[]>;
  timer?: unknown;
}

export class DiscoveryService {
  private readonly cache = new Map<string, Entry>();
  private readonly changed = new Emitter<string>();
  private readonly sub: Disposable;
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: DiscoveryDeps) {
    this.sub = deps.connections.onDidChange((s) => {
      if (s.state === 'disconnected' || s.state === 'unauthorized') this.forget(s.clusterId);
      // a cluster back online may have been upgraded or had CRDs added meanwhile
      else if (s.state === 'online' && this.cache.has(s.clusterId)) void this.refresh(s.clusterId).catch(() => undefined);
    });
  }

  async kinds(clusterId: string): Promise<ResourceKind[]> {
    const entry = this.entry(clusterId);
    return entry.kinds ?? (await this.refresh(clusterId));
  }

  /** re-discover now (a CRD was created, changed or deleted) */
  invalidate(clusterId: string): void {
    if (this.cache.has(clusterId)) void this.refresh(clusterId).catch((err) => this.deps.logger.warn(`discovery of ${clusterId} failed`, err));
  }

  dispose(): void {
    this.sub.dispose();
    for (const id of [...this.cache.keys()]) this.forget(id);
  }

  private entry(clusterId: string): Entry {
    let entry = this.cache.get(clusterId);
    if (!entry) this.cache.set(clusterId, (entry = { memo: { etags: {}, resources: {} } }));
    return entry;
  }

  private refresh(clusterId: string): Promise<ResourceKind[]> {
    const entry = this.entry(clusterId);
    entry.pending ??= this.discover(clusterId, entry).finally(() => {
      entry.pending = undefined;
      this.schedule(clusterId, entry);
    });
    return entry.pending;
  }

  private async discover(clusterId: string, entry: Entry): Promise<ResourceKind[]> {
    const kc = await this.deps.connections.kubeConfigFor(clusterId);
    const { kinds, unchanged } = await fetchKinds(kc, entry.memo);
    if (unchanged && entry.kinds) return entry.kinds;
    const before = JSON.stringify(entry.kinds);
    entry.kinds = kinds;
    if (before !== undefined && before !== JSON.stringify(kinds)) this.changed.fire(clusterId);
    return kinds;
  }

  private schedule(clusterId: string, entry: Entry): void {
    if (this.cache.get(clusterId) !== entry) return;
    if (entry.timer !== undefined) this.deps.clock.clearTimeout(entry.timer);
    entry.timer = this.deps.clock.setTimeout(() => {
      entry.timer = undefined;
      void this.refresh(clusterId).catch(() => undefined);
    }, this.deps.refreshMs ?? 30_000);
  }

  private forget(clusterId: string): void {
    const entry = this.cache.get(clusterId);
    if (entry?.timer !== undefined) this.deps.clock.clearTimeout(entry.timer);
    this.cache.delete(clusterId);
  }
}
