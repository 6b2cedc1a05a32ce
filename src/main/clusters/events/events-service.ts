// events.watch: the cluster's Events as they happen — list once, then watch from that
// resourceVersion; the renderer gets the newest `limit` rows, newest first, at most every
// BATCH_MS. A watch that ends or expires (410 Gone) starts over with a fresh list.
import type { EventRow } from '../../../shared/bridge/methods-deploy';
import type { StreamSink } from '../../engine/bridge/router';
import type { KubeHttp } from '../cache/kube-http';

type Obj = Record<string, any>;

const BATCH_MS = 300;
const RETRY_MS = 1000;
const LIMIT = 1000;

export const eventRow = (e: Obj): EventRow => ({
  uid: e.metadata?.uid ?? `${e.metadata?.namespace}/${e.metadata?.name}`,
  type: e.type ?? 'Normal',
  reason: e.reason ?? '',
  message: e.message ?? e.note ?? '',
  namespace: e.metadata?.namespace ?? '',
  involved: { kind: e.involvedObject?.kind ?? '', name: e.involvedObject?.name ?? '', namespace: e.involvedObject?.namespace, apiVersion: e.involvedObject?.apiVersion },
  count: e.count ?? e.series?.count ?? 1,
  lastSeen: e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? '',
  source: e.source?.component ?? e.reportingComponent ?? '',
});

export interface EventsParams {
  clusterId: string;
  namespace?: string;
  limit?: number;
}

export class EventsService {
  constructor(private readonly http: KubeHttp) {}

  async watch(p: EventsParams, sink: StreamSink<EventRow[]>): Promise<EventRow[]> {
    const rows = new Map<string, EventRow>();
    const path = p.namespace ? `/api/v1/namespaces/${encodeURIComponent(p.namespace)}/events` : '/api/v1/events';
    const newest = () => [...rows.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen)).slice(0, p.limit ?? LIMIT);
    let rv = await this.list(p.clusterId, path, rows);
    const aborter = new AbortController();
    let open = true;
    void sink.closed.then(() => {
      open = false;
      aborter.abort();
    });
    let dirty = false;
    const timer = setInterval(() => {
      if (!dirty || !open) return;
      dirty = false;
      sink.send(newest());
    }, BATCH_MS);
    void sink.closed.then(() => clearInterval(timer));
    void (async () => {
      while (open) {
        let gone = false;
        try {
          await this.http.stream(p.clusterId, { path, query: { watch: 1, resourceVersion: rv, allowWatchBookmarks: true, timeoutSeconds: 300 } }, (ev: Obj) => {
            if (ev.type === 'ERROR') return void (gone = true);
            rv = ev.object?.metadata?.resourceVersion ?? rv;
            if (ev.type === 'BOOKMARK') return;
            const row = eventRow(ev.object);
            if (ev.type === 'DELETED') rows.delete(row.uid);
            else rows.set(row.uid, row);
            dirty = true;
          }, aborter.signal);
        } catch {
          if (!open) return;
          await new Promise((r) => setTimeout(r, RETRY_MS));
          gone = true;
        }
        if (gone && open) {
          rv = await this.list(p.clusterId, path, rows).catch(() => rv);
          dirty = true;
        }
      }
    })();
    return newest();
  }

  private async list(clusterId: string, path: string, rows: Map<string, EventRow>): Promise<string> {
    const list = await this.http.json(clusterId, { path });
    rows.clear();
    for (const e of (list.items ?? []) as Obj[]) {
      const row = eventRow(e);
      rows.set(row.uid, row);
    }
    return list.metadata?.resourceVersion ?? '';
  }
}
