// A live view of one kind: subscribes with view.subscribe, sends view.update when filters, sort or
// the visible rows change, and keeps only the latest window of rows the engine sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResourceRef, ViewSpec, ViewUpdate } from '../../shared/bridge/types';
import type { BridgeError } from '../../shared/bridge/protocol';
import type { Subscription } from '../bridge/client';
import { useBridge } from '../bridge/context';
import { toBridgeError } from './useCall';
import { nextWindow, OVERSCAN, type RowWindow } from './window';

export interface ViewQuery {
  clusterId: string;
  resource: ResourceRef;
  namespaces: string[];
  text: string;
  labelSelector: string;
  sort?: { column: string; descending: boolean };
}

export interface LiveView {
  update?: ViewUpdate;
  error?: BridgeError;
  /** the row at an absolute index, when it is in the held window */
  rowAt(index: number): ViewUpdate['rows'][number] | undefined;
  /** tell the view which rows are on screen */
  showRange(start: number, end: number): void;
}

// Empty strings, not undefined: view.update merges what it is sent, and JSON drops undefined, so
// a cleared filter must travel as "" to clear the engine's copy.
const filtersOf = (q: { namespaces: string[]; text?: string; labelSelector?: string; sort?: ViewQuery['sort'] }) => ({
  namespaces: q.namespaces,
  text: q.text ?? '',
  labelSelector: q.labelSelector ?? '',
  ...(q.sort ? { sort: q.sort } : {}),
});

export function useView(query: ViewQuery): LiveView {
  const client = useBridge();
  const [update, setUpdate] = useState<ViewUpdate>();
  const [error, setError] = useState<BridgeError>();
  const sub = useRef<Subscription<'view.subscribe'>>(undefined);
  const spec = useRef<ViewSpec>(undefined);
  const held = useRef({ offset: 0, count: 0, total: 0 });
  const receive = useCallback((u: ViewUpdate) => {
    held.current = { offset: u.offset, count: u.rows.length, total: u.total };
    setUpdate(u);
  }, []);
  const fail = useCallback((err: unknown) => setError(toBridgeError(err)), []);

  const send = useCallback(
    (change: Partial<ViewSpec>) => {
      const s = sub.current;
      if (!s || !spec.current) return;
      spec.current = { ...spec.current, ...change };
      s.setParams(spec.current);
      client.call('view.update', { subscriptionId: s.id, spec: change }).then(receive, fail);
    },
    [client, receive, fail],
  );

  const resourceKey = `${query.clusterId}|${query.resource.group}/${query.resource.version}/${query.resource.plural}`;
  const queryRef = useRef(query);
  queryRef.current = query;
  useEffect(() => {
    const q = queryRef.current;
    spec.current = { clusterId: q.clusterId, resource: q.resource, ...filtersOf(q), window: { offset: 0, limit: 2 * OVERSCAN } };
    held.current = { offset: 0, count: 0, total: 0 };
    setUpdate(undefined);
    setError(undefined);
    const s = client.subscribe('view.subscribe', spec.current, receive, (e) => e && setError(e));
    sub.current = s;
    s.result.then(receive, fail);
    return () => {
      s.cancel();
      sub.current = undefined;
    };
  }, [client, resourceKey, receive, fail]);

  const filterKey = JSON.stringify(filtersOf(query));
  useEffect(() => {
    if (!sub.current || !spec.current) return;
    if (JSON.stringify(filtersOf(spec.current)) === filterKey) return;
    send({ ...(JSON.parse(filterKey) as Partial<ViewSpec>), window: { offset: 0, limit: 2 * OVERSCAN } });
  }, [filterKey, send]);

  const showRange = useCallback(
    (start: number, end: number) => {
      const h = held.current;
      const want: RowWindow | null = nextWindow(h, start, end, h.total);
      const current = spec.current?.window;
      if (!want || (current && current.offset === want.offset && current.limit === want.limit)) return;
      send({ window: want });
    },
    [send],
  );

  const rowAt = useCallback(
    (i: number) => (update && i >= update.offset && i < update.offset + update.rows.length ? update.rows[i - update.offset] : undefined),
    [update],
  );
  return { update, error: error ?? (update?.error as BridgeError | undefined), rowAt, showRange };
}
