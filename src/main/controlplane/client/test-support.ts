// For this folder's tests only: the real REST storage (schema, field manager, kind strategies) over a
// real in-memory store, as the cluster wires it. The wrapper can cut watch connections and hold new
// ones back, as a flaky network would.
// The server comes from the composition root (cluster/in-process), so the client never touches the store.
import { startInProcessApi } from '../cluster/in-process';
import type { InProcessApi } from '../cluster/in-process';
import type { RestStorage } from '../apiserver/registry/index';
import type { RequestInfo, ResourceHandlers, WatchSink } from '../apiserver/registry/types';
import type { ResourceRegistry } from '../apiserver/resources/registry';
import { ApiClient } from './api-client';
import type { Clock } from './clock';

/** lets a test drop live watches and delay new ones, around the real storage */
export class FlakyHandlers implements ResourceHandlers {
  private drop!: () => void;
  private dropped = this.arm();
  private held?: Promise<void>;
  private release?: () => void;

  constructor(private readonly inner: ResourceHandlers) {}

  get = (r: RequestInfo) => this.inner.get(r);
  list = (r: RequestInfo) => this.inner.list(r);
  create = (r: RequestInfo, b: Record<string, any>) => this.inner.create(r, b);
  update = (r: RequestInfo, b: Record<string, any>) => this.inner.update(r, b);
  patch = (r: RequestInfo, t: Parameters<ResourceHandlers['patch']>[1], b: unknown) => this.inner.patch(r, t, b);
  delete = (r: RequestInfo, o: Record<string, any> | undefined) => this.inner.delete(r, o);
  deleteCollection = (r: RequestInfo, o: Record<string, any> | undefined) => this.inner.deleteCollection(r, o);

  async watch(req: RequestInfo, sink: WatchSink): Promise<void> {
    if (this.held) await this.held;
    const closed = Promise.race([sink.closed, this.dropped]);
    return this.inner.watch(req, { send: (e) => sink.send(e), closed });
  }

  /** ends every open watch, as a broken connection would */
  dropWatches(): void {
    this.drop();
    this.dropped = this.arm();
  }

  /** new watches wait until resume() */
  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    this.held = undefined;
    this.release?.();
  }

  private arm(): Promise<void> {
    return new Promise((resolve) => (this.drop = resolve));
  }
}

export interface TestApi {
  store: InProcessApi["store"];
  storage: RestStorage;
  handlers: FlakyHandlers;
  resources: ResourceRegistry;
  client(user?: string): ApiClient;
  close(): void;
}

let uidCounter = 0;

export interface TestApiOptions {
  clock?: Clock;
  bookmarkIntervalMs?: number;
  namespaces?: string[];
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { clock, bookmarkIntervalMs, namespaces = ['default', 'kube-system'] } = options;
  const { store, storage, resources } = await startInProcessApi({
    bootstrap: false,
    clock: () => new Date(clock ? clock.now() : Date.now()),
    bookmarkIntervalMs,
    uid: () => `00000000-0000-4000-8000-${String(++uidCounter).padStart(12, '0')}`,
  });
  const handlers = new FlakyHandlers(storage);
  const client = (user = 'system:kube-controller-manager') => new ApiClient({ handlers, resources, user, userAgent: 'kube-controller-manager/v1.33.0' });
  const admin = client('system:admin');
  for (const name of namespaces) await admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return {
    store,
    storage,
    handlers,
    resources,
    client,
    close: () => {
      storage.close();
      store.close();
    },
  };
}
