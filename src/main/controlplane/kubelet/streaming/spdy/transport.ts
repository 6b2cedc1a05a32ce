// What a SPDY session runs over: the raw upgraded socket (kubectl ≤1.30), or a WebSocket whose
// binary messages carry the SPDY byte stream (kubectl 1.31+ port-forward tunnels it so that
// proxies which only pass WebSockets still work). Message boundaries mean nothing in the tunnel.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

export interface FrameTransport {
  /** false: the carrier is congested; wait for onDrain */
  write(buf: Buffer): boolean;
  onData(cb: (chunk: Buffer) => void): void;
  onDrain(cb: () => void): void;
  /** called once, when the carrier is gone (either side closed it, or it failed) */
  onClose(cb: () => void): void;
  pause(): void;
  resume(): void;
  /** flush what was written, then close */
  end(): void;
  destroy(): void;
}

export function socketTransport(socket: Duplex): FrameTransport {
  let closed = false;
  const closers: (() => void)[] = [];
  const fire = (): void => {
    if (closed) return;
    closed = true;
    for (const cb of closers) cb();
  };
  socket.on('close', fire);
  socket.on('end', () => socket.end());
  // a reset from the peer must not become an uncaught 'error'; 'close' follows it
  socket.on('error', () => socket.destroy());
  return {
    write: (buf) => !closed && socket.write(buf),
    onData: (cb) => socket.on('data', cb),
    onDrain: (cb) => socket.on('drain', cb),
    onClose: (cb) => closers.push(cb),
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    end: () => socket.end(),
    destroy: () => socket.destroy(),
  };
}

/** ws has no 'drain': count bytes handed to send() until their callbacks say they are written */
const WS_HIGH_WATER = 1 << 20;

export function tunnelTransport(ws: WebSocket): FrameTransport {
  let inFlight = 0;
  const drains: (() => void)[] = [];
  const closers: (() => void)[] = [];
  let closed = false;
  const fire = (): void => {
    if (closed) return;
    closed = true;
    for (const cb of closers) cb();
  };
  ws.on('close', fire);
  ws.on('error', () => ws.terminate());
  return {
    write(buf) {
      if (closed || ws.readyState !== ws.OPEN) return false;
      inFlight += buf.length;
      ws.send(buf, { binary: true }, () => {
        const wasCongested = inFlight > WS_HIGH_WATER;
        inFlight -= buf.length;
        if (wasCongested && inFlight <= WS_HIGH_WATER) for (const cb of drains) cb();
      });
      return inFlight <= WS_HIGH_WATER;
    },
    onData: (cb) =>
      ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        // client-go refuses text messages in the tunnel; we do the same by dropping the connection
        if (!isBinary) return ws.close(1003, 'SPDY tunnel carries binary messages only');
        cb(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));
      }),
    onDrain: (cb) => drains.push(cb),
    onClose: (cb) => closers.push(cb),
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    end: () => ws.close(1000),
    destroy: () => ws.terminate(),
  };
}
