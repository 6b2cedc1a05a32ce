// GET /containerLogs/{namespace}/{pod}/{container}: checks which instance has logs (from the pod's
// status), then streams them as text/plain, flushing as it goes so `kubectl logs -f` sees each line.
import type { ServerResponse } from 'node:http';
import { parseLogOptions } from './log-options';
import { checkContainerLogStatus } from './log-status';
import { streamContainerLogs, type LogSink } from './log-reader';
import type { ContainerStreams, PodRef } from './types';

type Obj = Record<string, any>;

const sinkOf = (res: ServerResponse): LogSink => {
  let closed = false;
  res.on('close', () => (closed = true));
  return {
    closed: () => closed || res.destroyed,
    write: (buf) =>
      res.write(buf)
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = (): void => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
          }),
  };
};

/** throws StreamError before anything is written; after that, failures end the body */
export async function serveContainerLogs(res: ServerResponse, streams: ContainerStreams, pod: Obj, container: string, query: URLSearchParams, nowMs: number): Promise<void> {
  const opts = parseLogOptions(query, nowMs);
  checkContainerLogStatus(pod, container, opts.previous);
  const ref: PodRef = { uid: pod.metadata.uid, namespace: pod.metadata.namespace, name: pod.metadata.name };
  const source = () => streams.logFiles(ref, container, opts.previous);
  source(); // a StreamError (no previous instance) still becomes a Status answer
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  try {
    await streamContainerLogs(source, opts, sinkOf(res));
  } finally {
    res.end();
  }
}
