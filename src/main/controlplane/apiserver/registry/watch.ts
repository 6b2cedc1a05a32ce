// WATCH: served from the resource's watch cache. From a recent resourceVersion the ring buffer replays
// what the client missed; from an older one still in the store, the store replays it; from a compacted
// one the client gets an ERROR event with 410 Expired, as upstream sends once a watch has started.
import { gone, invalid, type StatusCause } from '../../../../shared/k8s/status';
import type { Watcher } from '../../store/types';
import type { Ctx } from './context';
import { rangePrefixOf } from './keys';
import { boolParam, intParam, revisionParam } from './query';
import { selectionOf } from './selection';
import { isStoreError } from './store-errors';
import type { RequestInfo, WatchSink } from './types';
import type { WatchCache } from './watch-cache';
import { WatchStream } from './watch-stream';

const DEFAULT_BOOKMARK_MS = 60_000;
/** upstream picks a random timeout between the min request timeout and twice that */
const defaultTimeoutMs = (): number => (1800 + Math.random() * 1800) * 1000;

export async function watch(ctx: Ctx, req: RequestInfo, sink: WatchSink): Promise<void> {
  const { query } = req;
  const selection = selectionOf(req);
  const rv = revisionParam(query);
  const sendInitial = boolParam(query, 'sendInitialEvents');
  const bookmarks = boolParam(query, 'allowWatchBookmarks') ?? false;
  const timeoutSeconds = intParam(query, 'timeoutSeconds');
  if (sendInitial !== undefined) checkWatchList(query, bookmarks);
  const prefix = rangePrefixOf(req.resource, req.namespace);
  const cache = ctx.cacheFor(req.resource);
  const stream = new WatchStream(sink, req.resource, prefix, selection, rv ?? 0);

  if (sendInitial ?? (rv === undefined || rv === 0)) {
    const range = ctx.store.range(prefix);
    for (const kv of range.kvs) {
      const object = cache.decode(kv);
      if (selection.matches(object)) stream.send({ type: 'ADDED', object });
    }
    stream.seen = range.revision;
    if (sendInitial && bookmarks) stream.bookmark(range.revision, true);
  } else if (rv === undefined || rv === 0) {
    stream.seen = ctx.store.revision;
  }

  const detach = attach(ctx, cache, prefix, stream);
  if (!detach) return;
  try {
    await until(ctx, sink, timeoutSeconds, bookmarks, () => stream.bookmark(Math.max(stream.seen, detach.direct ? 0 : cache.revision)));
  } finally {
    detach.stop();
  }
}

/** upstream's ListOptions validation for streaming lists */
function checkWatchList(query: URLSearchParams, bookmarks: boolean): void {
  const causes: StatusCause[] = [];
  if (query.get('resourceVersionMatch') !== 'NotOlderThan') {
    causes.push({ reason: 'FieldValueInvalid', field: 'resourceVersionMatch', message: "Invalid value: \"\": sendInitialEvents requires setting resourceVersionMatch to NotOlderThan" });
  }
  if (!bookmarks) causes.push({ reason: 'FieldValueForbidden', field: 'allowWatchBookmarks', message: 'Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true' });
  if (causes.length) throw invalid('ListOptions', 'meta.k8s.io', '', causes);
}

interface Attached {
  direct: boolean;
  stop(): void;
}

/** joins the shared feed, or opens a store watch for history older than the ring; undefined after a 410 */
function attach(ctx: Ctx, cache: WatchCache, prefix: string, stream: WatchStream): Attached | undefined {
  const from = stream.seen;
  const tooOld = () => stream.send({ type: 'ERROR', object: gone(`too old resource version: ${from} (${ctx.store.compactRevision})`).toStatus() });
  if (from < ctx.store.compactRevision) return void tooOld();
  const backlog = cache.since(from);
  if (backlog) {
    stream.deliver(backlog);
    const unsubscribe = cache.subscribe((events) => stream.deliver(events));
    return { direct: false, stop: unsubscribe };
  }
  let watcher: Watcher;
  try {
    watcher = ctx.store.watch(prefix, from, (events) => stream.deliver(events.map((e) => cache.convert(e))));
  } catch (err) {
    if (isStoreError(err, 'CompactedError')) return void tooOld();
    throw err;
  }
  return { direct: true, stop: () => watcher.cancel() };
}

function until(ctx: Ctx, sink: WatchSink, timeoutSeconds: number | undefined, bookmarks: boolean, bookmark: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe = () => {};
    const finish = () => {
      for (const t of timers) clearTimeout(t);
      unsubscribe();
      resolve();
    };
    const ms = timeoutSeconds !== undefined && timeoutSeconds > 0 ? timeoutSeconds * 1000 : defaultTimeoutMs();
    timers.push(setTimeout(finish, ms));
    if (bookmarks) timers.push(setInterval(bookmark, ctx.bookmarkIntervalMs ?? DEFAULT_BOOKMARK_MS));
    void sink.closed.then(finish, finish);
    unsubscribe = ctx.onStop(finish);
  });
}
