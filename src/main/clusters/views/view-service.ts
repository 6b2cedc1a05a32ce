// view.subscribe / view.update: one View per subscription, found again by (connection, request id).
import type { ViewSpec, ViewUpdate } from '../../../shared/bridge/types';
import type { Connection, StreamSink } from '../../engine/bridge/router';
import { BridgeFailure } from '../../engine/bridge/errors';
import type { CacheRegistry } from '../cache/registry';
import { labelMatcher } from './label-selector';
import { View, realSchedule, type Schedule } from './view';

const normalize = (spec: ViewSpec): ViewSpec => {
  try {
    labelMatcher(spec.labelSelector);
  } catch (err) {
    throw new BridgeFailure('Invalid', `label selector "${spec.labelSelector}": ${(err as Error).message}`);
  }
  const offset = Math.max(0, Math.floor(spec.window?.offset ?? 0));
  const limit = Math.max(0, Math.floor(spec.window?.limit ?? 100));
  return { ...spec, namespaces: spec.namespaces ?? [], window: { offset, limit } };
};

export class ViewService {
  private readonly views = new WeakMap<Connection, Map<number, View>>();

  constructor(
    private readonly caches: CacheRegistry,
    private readonly schedule: Schedule = realSchedule,
  ) {}

  subscribe(params: ViewSpec, sink: StreamSink<ViewUpdate>, conn: Connection): ViewUpdate {
    const spec = normalize(params);
    const lease = this.caches.acquire(this.caches.keyFor(spec.clusterId, spec.resource, spec.namespaces));
    const view = new View(spec, lease, (u) => sink.send(u), this.schedule);
    const mine = this.views.get(conn) ?? new Map<number, View>();
    this.views.set(conn, mine);
    mine.set(sink.id, view);
    void sink.closed.then(() => {
      mine.delete(sink.id);
      view.close();
    });
    return view.current();
  }

  update(conn: Connection, subscriptionId: number, patch: Partial<Omit<ViewSpec, 'clusterId' | 'resource'>>): ViewUpdate {
    const view = this.views.get(conn)?.get(subscriptionId);
    if (!view) throw new BridgeFailure('NotFound', `no open view with subscription id ${subscriptionId}`);
    const old = view.spec;
    const spec = normalize({ ...old, ...patch, window: { ...old.window, ...patch.window } });
    // a view on the all-namespaces cache stays there: narrowing the namespaces needs no new list
    const key = view.cacheKey.namespace === '' && !view.cacheError ? view.cacheKey : this.caches.keyFor(spec.clusterId, spec.resource, spec.namespaces);
    const moved = key.namespace !== view.cacheKey.namespace;
    return view.reconfigure(spec, moved ? this.caches.acquire(key) : undefined);
  }
}
