// The channel framing of Kubernetes' WebSocket stream protocols (upstream wsstream): every message
// starts with its channel number. The binary protocols carry that byte then raw data; the base64
// ones send text, the channel as an ASCII digit, then the data in base64.
import type { WebSocket } from 'ws';

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
/** v5: [255, channel] — the client closed that channel (stdin at EOF) */
export const CLOSE = 255;

export const V5 = 'v5.channel.k8s.io';
export const V4 = 'v4.channel.k8s.io';
export const V4_BASE64 = 'v4.base64.channel.k8s.io';

export const EXEC_PROTOCOLS = [V5, V4, V4_BASE64];
export const PORT_FORWARD_PROTOCOLS = [V4, V4_BASE64];

const isBase64 = (protocol: string): boolean => protocol.includes('base64');

/** the client's first offer we speak, as wsstream picks it */
export const chooseProtocol = (offered: string[], supported: string[]): string | undefined => offered.find((p) => supported.includes(p));

export const offeredProtocols = (header: string | string[] | undefined): string[] =>
  (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);

export interface Frame {
  channel: number;
  data: Buffer;
}

export const decodeFrame = (protocol: string, msg: Buffer, isBinary: boolean): Frame | undefined => {
  if (msg.length === 0) return undefined;
  if (isBase64(protocol) && !isBinary) {
    const text = msg.toString('latin1');
    return { channel: text.charCodeAt(0) - 48, data: Buffer.from(text.slice(1), 'base64') };
  }
  return { channel: msg[0], data: msg.subarray(1) };
};

/** sends one frame; `done` fires once ws has handed it to the socket (for flow control) */
export const sendFrame = (ws: WebSocket, protocol: string, channel: number, data: Buffer, done?: (err?: Error) => void): void => {
  if (ws.readyState !== ws.OPEN) return done?.();
  if (isBase64(protocol)) {
    ws.send(String.fromCharCode(48 + channel) + data.toString('base64'), done);
    return;
  }
  const out = Buffer.allocUnsafe(data.length + 1);
  out[0] = channel;
  data.copy(out, 1);
  ws.send(out, { binary: true }, done);
};

const HIGH_WATER = 1 << 20;

/** copies a readable into a channel, pausing it while the socket has more than 1 MiB queued */
export const pump = (ws: WebSocket, protocol: string, channel: number, src: NodeJS.ReadableStream): Promise<void> =>
  new Promise((resolve) => {
    let queued = 0;
    const onData = (chunk: Buffer | string): void => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      queued += buf.length;
      sendFrame(ws, protocol, channel, buf, () => {
        queued -= buf.length;
        if (queued < HIGH_WATER && src.isPaused()) src.resume();
      });
      if (queued >= HIGH_WATER) src.pause();
    };
    src.on('data', onData);
    // a pty ends with an EIO error rather than 'end' once its process is gone
    src.once('end', resolve);
    src.once('close', resolve);
    src.once('error', () => resolve());
  });
