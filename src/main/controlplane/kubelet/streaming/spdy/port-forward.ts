// port-forward over SPDY (portforward.k8s.io): for every local connection kubectl opens a pair
// of streams with the same requestID — error first, then data — both naming the pod's port.
// Each pair gets its own connection to the port; a failure is written on the pair's error stream
// and the SPDY connection stays up for the next request.
//
//   SYN error{port,requestID} + SYN data{port,requestID} ─► connect(port) ─► data ⇄ socket
//   socket ends ─► data FIN, error FIN        connect fails ─► error: "error forwarding port …"
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { ConnectPort, UpgradeRequest } from '../types';
import { STREAM_CREATION_TIMEOUT_MS } from './exec';
import { spdyHandshake } from './handshake';
import { SpdySession } from './session';
import type { SpdyStream } from './stream';
import { socketTransport, tunnelTransport, type FrameTransport } from './transport';

export const PORT_FORWARD_PROTOCOLS = ['portforward.k8s.io'] as const;

export interface SpdyPortForwardOptions {
  /** how upstream's error names the pod: "error forwarding port P to pod <pod>, uid <uid>: …" */
  pod?: string;
  uid?: string;
  streamCreationTimeoutMs?: number;
}

interface Pair {
  error?: SpdyStream;
  data?: SpdyStream;
  timer: NodeJS.Timeout;
}

export function serveSpdyPortForward(u: UpgradeRequest, connect: ConnectPort, opts: SpdyPortForwardOptions = {}): void {
  if (spdyHandshake(u, PORT_FORWARD_PROTOCOLS) === undefined) return;
  runPortForward(socketTransport(u.socket), connect, opts);
}

/** kubectl 1.31+: the WebSocket is already accepted with subprotocol SPDY/3.1+portforward.k8s.io */
export function serveTunneledPortForward(ws: WebSocket, connect: ConnectPort, opts: SpdyPortForwardOptions = {}): void {
  runPortForward(tunnelTransport(ws), connect, opts);
}

function runPortForward(transport: FrameTransport, connect: ConnectPort, opts: SpdyPortForwardOptions): void {
  const pairs = new Map<string, Pair>();
  const sockets = new Set<Socket>();
  const timeoutMs = opts.streamCreationTimeoutMs ?? STREAM_CREATION_TIMEOUT_MS;
  new SpdySession(transport, {
    onStream: (stream) => {
      stream.on('error', () => {});
      const type = stream.streamType;
      if (type !== 'error' && type !== 'data') return void stream.destroy();
      const id = requestId(stream);
      let pair = pairs.get(id);
      if (!pair) {
        const timer = setTimeout(() => {
          // half a pair after the timeout: upstream gives up on the request, not the connection
          pairs.delete(id);
          for (const s of [pair?.error, pair?.data]) s?.destroy();
        }, timeoutMs);
        timer.unref();
        pair = { timer };
        pairs.set(id, pair);
      }
      if (pair[type]) return void stream.destroy();
      pair[type] = stream;
      if (pair.error && pair.data) {
        clearTimeout(pair.timer);
        pairs.delete(id);
        void forward(pair.error, pair.data, connect, opts, sockets);
      }
    },
    onClose: () => {
      for (const p of pairs.values()) clearTimeout(p.timer);
      pairs.clear();
      for (const s of sockets) s.destroy();
    },
  });
}

/** kubectl sends requestID; clients before 1.3 did not, and their data stream came right after the error stream */
function requestId(stream: SpdyStream): string {
  const id = stream.headers['requestid'];
  if (id !== undefined) return id;
  return String(stream.streamType === 'data' ? stream.id - 2 : stream.id);
}

async function forward(errorStream: SpdyStream, data: SpdyStream, connect: ConnectPort, opts: SpdyPortForwardOptions, sockets: Set<Socket>): Promise<void> {
  // the client never writes on the error stream; read it so its FIN is seen
  errorStream.resume();
  const portText = data.headers['port'] ?? '';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  const fail = (why: string): void => {
    if (errorStream.destroyed) return;
    errorStream.end(`error forwarding port ${portText} to pod ${opts.pod ?? ''}, uid ${opts.uid ?? ''}: ${why}`);
    data.end();
    data.resume();
  };
  if (!(port >= 1 && port <= 65535)) return fail(`invalid port "${portText}"`);
  let socket: Socket;
  try {
    socket = await connect(port);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  if (data.destroyed) return void socket.destroy();
  sockets.add(socket);
  socket.on('error', () => socket.destroy());
  const done = (): void => {
    if (!data.writableEnded && !data.destroyed) data.end();
    // kubectl waits for the error stream's end before it lets go of the local connection
    if (!errorStream.writableEnded && !errorStream.destroyed) errorStream.end();
  };
  socket.on('end', done);
  socket.on('close', () => {
    sockets.delete(socket);
    done();
  });
  // a reset of the data stream (kubectl dropped the local connection) drops the pod connection
  data.on('close', () => {
    if (!data.readableEnded || !data.writableFinished) socket.destroy();
  });
  data.pipe(socket);
  socket.pipe(data);
}
