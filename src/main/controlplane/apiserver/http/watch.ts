// Serving a watch: a chunked application/json;stream=watch body with one event per line, each
// written (and so flushed) as it happens.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toStatusError } from '../../../../shared/k8s/status';
import type { RequestInfo, ResourceHandlers, WatchEventOut, WatchSink } from '../registry/types';
import { writeStatusError } from './respond';
import { watchEventJSON } from '../registry/json';

/**
 * Headers wait briefly for the first event so an immediate refusal (e.g. 410 for an expired
 * resourceVersion) can still be an HTTP status; after that the stream is open and clients that
 * wait for headers before returning (client-go) are not kept hanging on a quiet resource.
 */
const HEADER_GRACE_MS = 25;

export interface WatchServeOptions {
  /** maps each event's object, e.g. to a one-row Table */
  transform?: (event: WatchEventOut) => WatchEventOut;
  log: (msg: string, err: unknown) => void;
}

export const serveWatch = async (
  req: IncomingMessage,
  res: ServerResponse,
  handlers: ResourceHandlers,
  info: RequestInfo,
  opts: WatchServeOptions,
): Promise<void> => {
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const onGone = (): void => resolveClosed();
  res.on('close', onGone);
  req.on('aborted', onGone);
  const open = (): void => {
    if (res.headersSent || res.writableEnded) return;
    res.writeHead(200, { 'Content-Type': 'application/json;stream=watch', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
  };
  const timer = setTimeout(open, HEADER_GRACE_MS);
  const sink: WatchSink = {
    closed,
    send(event) {
      if (res.writableEnded || res.destroyed) return;
      open();
      const out = opts.transform && event.type !== 'ERROR' && event.type !== 'BOOKMARK' ? opts.transform(event) : event;
      // Untransformed events reuse the object's shared encoding: one serialization for every watcher.
      res.write(`${out === event ? watchEventJSON(event) : JSON.stringify(out)}\n`);
    },
  };
  try {
    await handlers.watch(info, sink);
  } catch (err) {
    const status = toStatusError(err);
    if (status.code >= 500) opts.log('watch failed', err);
    if (!res.headersSent) writeStatusError(res, status);
    else if (!res.writableEnded) res.write(`${JSON.stringify({ type: 'ERROR', object: status.toStatus() })}\n`);
  } finally {
    clearTimeout(timer);
    open();
    if (!res.writableEnded) res.end();
    res.off('close', onGone);
    resolveClosed();
  }
};
