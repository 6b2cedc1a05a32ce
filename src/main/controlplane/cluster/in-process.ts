// An in-memory API server without HTTP, wired exactly as a cluster wires it: for in-process
// components' tests (client, controllers, scheduler, kubelet), which must not build a store themselves.
import { openStore, type Store } from '../store';
import type { RestStorage } from '../apiserver/registry';
import type { ResourceRegistry } from '../apiserver/resources/registry';
import { createApiCore } from './apiserver';
import { bootstrapObjects } from './bootstrap';

export interface InProcessApi {
  store: Store;
  storage: RestStorage;
  resources: ResourceRegistry;
  close(): void;
}

export interface InProcessApiOptions {
  clock?: () => Date;
  uid?: () => string;
  bookmarkIntervalMs?: number;
  /** create the system namespaces (default, kube-system, kube-public, kube-node-lease); default true */
  bootstrap?: boolean;
}

export async function startInProcessApi(options: InProcessApiOptions = {}): Promise<InProcessApi> {
  const store = openStore({ inMemory: true });
  const { storage, resources } = createApiCore({ store, clock: options.clock ?? (() => new Date()), uid: options.uid, bookmarkIntervalMs: options.bookmarkIntervalMs });
  if (options.bootstrap !== false) await bootstrapObjects(storage, resources);
  return {
    store,
    storage,
    resources,
    close: () => {
      storage.close();
      store.close();
    },
  };
}
