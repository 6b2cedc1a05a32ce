// A watch as a caller sees it: events arrive through a callback, stop() ends it, done settles when it ends.
import type { RequestInfo, ResourceHandlers, WatchEventOut, WatchSink } from '../apiserver/registry/types';

export interface WatchHandle {
  /** ends the watch; done then resolves */
  stop(): void;
  /** resolves when the stream ends (server timeout, shutdown, stop()); rejects with a StatusError (e.g. 410 Expired) if it could not start */
  readonly done: Promise<void>;
}

export type WatchCallback = (event: WatchEventOut) => void;

export function openWatch(handlers: ResourceHandlers, req: RequestInfo, onEvent: WatchCallback): WatchHandle {
  let stopped = false;
  let close!: () => void;
  const closed = new Promise<void>((resolve) => (close = resolve));
  const sink: WatchSink = {
    // Events that race with stop() are dropped: the caller asked for no more.
    send: (event) => {
      if (!stopped) onEvent(event);
    },
    closed,
  };
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    close();
  };
  const done = handlers.watch(req, sink).finally(stop);
  // A caller that never awaits done must not crash the process with an unhandled rejection.
  done.catch(() => undefined);
  return { stop, done };
}
