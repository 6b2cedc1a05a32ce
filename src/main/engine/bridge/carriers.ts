// The two carriers of the one bridge protocol: a WebSocket (web mode, tests) and a MessagePort-like
// endpoint (the Electron utility process). Both just move text frames to and from a Connection.
import type { WebSocket } from 'ws';
import { parseClientMessage } from '../../../shared/bridge/protocol';
import { Connection, type BridgeRouter } from './router';

/** the smallest thing a carrier must offer */
export interface TextEndpoint {
  send(text: string): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
  /** binary frames (terminal bytes, see encodeBinaryFrame); carriers without them move text only */
  sendBinary?(frame: Uint8Array): void;
  onBinary?(listener: (frame: Uint8Array) => void): void;
}

const MAX_FRAME = 8 * 1024 * 1024;

export function serveEndpoint(router: BridgeRouter, endpoint: TextEndpoint): Connection {
  const sendBinary = endpoint.sendBinary?.bind(endpoint);
  const conn = new Connection((message) => endpoint.send(JSON.stringify(message)), sendBinary);
  endpoint.onBinary?.((frame) => {
    if (frame.byteLength <= MAX_FRAME) conn.receiveBinary(frame);
  });
  endpoint.onMessage((text) => {
    const message = text.length <= MAX_FRAME ? parseClientMessage(text) : undefined;
    if (!message) {
      conn.send({ kind: 'notify', topic: 'bridge.error', data: { message: 'a malformed bridge message was ignored' } });
      return;
    }
    void router.dispatch(conn, message);
  });
  endpoint.onClose(() => conn.close());
  return conn;
}

export const webSocketEndpoint = (ws: WebSocket): TextEndpoint => ({
  send: (text) => {
    if (ws.readyState === ws.OPEN) ws.send(text);
  },
  onMessage: (listener) => ws.on('message', (data, isBinary) => !isBinary && listener(data.toString())),
  onClose: (listener) => ws.on('close', listener),
  sendBinary: (frame) => {
    if (ws.readyState === ws.OPEN) ws.send(frame, { binary: true });
  },
  onBinary: (listener) =>
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return;
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      listener(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    }),
});

/** Electron's MessagePortMain (utility process side), typed structurally so the engine needs no 'electron' import */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  start(): void;
}

export const portEndpoint = (port: PortLike): TextEndpoint => ({
  send: (text) => port.postMessage(text),
  onMessage: (listener) => port.on('message', (e) => typeof e.data === 'string' && listener(e.data)),
  onClose: (listener) => port.on('close', listener),
  // structured clone carries a Uint8Array as bytes; the preload forwards it as such
  sendBinary: (frame) => port.postMessage(frame),
  onBinary: (listener) => port.on('message', (e) => e.data instanceof Uint8Array && listener(e.data)),
});
