// One informer per (apiVersion, kind) for a whole process, as client-go's SharedInformerFactory:
// the scheduler and every controller read the same cache and the API server serves one watch.
import type { ApiClient } from './api-client';
import type { Clock } from './clock';
import type { IndexFunc } from './indexer';
import { Informer } from './informer';
import type { Logger } from './logger';

export interface SharedInformerFactoryOptions {
  client: ApiClient;
  /** default resync for every informer; 0 = none */
  resyncPeriodMs?: number;
  pageSize?: number;
  clock?: Clock;
  logger?: Logger;
  /** watch one namespace only (client-go's WithNamespace) */
  namespace?: string;
  /** narrows what a kind's informer holds, by "apiVersion/kind", e.g. a node agent's
   *  { 'v1/Pod': { fieldSelector: 'spec.nodeName=node-a' } } (client-go's WithTweakListOptions) */
  selectors?: Record<string, { labelSelector?: string; fieldSelector?: string }>;
}

export class SharedInformerFactory {
  private readonly informers = new Map<string, Informer>();
  private started = false;

  constructor(private readonly options: SharedInformerFactoryOptions) {}

  /**
   * The informer for a kind, created on first ask. Indexers asked for by any consumer are added to
   * the one shared cache. An informer asked for after start() starts at once.
   */
  informerFor(apiVersion: string, kind: string, indexers: Record<string, IndexFunc> = {}): Informer {
    const id = `${apiVersion}/${kind}`;
    let informer = this.informers.get(id);
    if (!informer) {
      const { client, resyncPeriodMs, pageSize, clock, logger, namespace, selectors } = this.options;
      const selector = selectors?.[id] ?? {};
      informer = new Informer({ client, apiVersion, kind, namespace, ...selector, resyncPeriodMs, pageSize, clock, logger, indexers });
      this.informers.set(id, informer);
      if (this.started) informer.start();
    } else {
      informer.addIndexers(indexers);
    }
    return informer;
  }

  /** starts every informer asked for so far; calling it again starts only the new ones */
  start(): void {
    this.started = true;
    for (const informer of this.informers.values()) informer.start();
  }

  /** true once every informer has its first list */
  async waitForCacheSync(): Promise<boolean> {
    const results = await Promise.all([...this.informers.values()].map((i) => i.waitForSync()));
    return results.every(Boolean);
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
  }
}
