// exec, attach and portforward arrive as Upgrade requests (WebSocket or SPDY/3.1). Once the caller
// is authenticated and the pod's kubelet found, the raw connection is handed through, as
// upstream's UpgradeAwareHandler does: the request line is rewritten to the kubelet's path, the
// user's credentials are replaced by the kubelet token, then bytes are piped both ways.
import { connect } from 'node:net';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { toStatusError, type StatusError } from '../../../../../shared/k8s/status';
import type { KubeletTarget } from './locate';
import { dialError } from './log';

// Headers the kubelet must not see: the caller's credentials, and what is rewritten.
const DROPPED = new Set(['authorization', 'host', 'impersonate-user', 'impersonate-group', 'impersonate-uid']);

export const rejectRaw = (socket: Duplex, err: unknown): void => {
  const e: StatusError = toStatusError(err);
  const body = JSON.stringify(e.toStatus());
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${e.code} ${STATUS_CODES[e.code] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
};

const requestHead = (req: IncomingMessage, t: KubeletTarget, kubeletToken: string): string => {
  const lines = [`${req.method ?? 'GET'} ${t.path} HTTP/1.1`, `Host: ${t.host}:${t.port}`, `Authorization: Bearer ${kubeletToken}`];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (!DROPPED.has(name) && !name.startsWith('impersonate-extra-')) lines.push(`${raw[i]}: ${raw[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
};

/** pipes the client's upgraded connection to the kubelet */
export const proxyUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, t: KubeletTarget, kubeletToken: string): void => {
  const upstream = connect(t.port, t.host);
  let connected = false;
  upstream.setNoDelay(true);
  upstream.once('connect', () => {
    connected = true;
    upstream.write(requestHead(req, t, kubeletToken));
    if (head.length) upstream.write(head);
    socket.pipe(upstream);
    upstream.pipe(socket);
  });
  upstream.on('error', (err) => (connected ? socket.destroy() : rejectRaw(socket, dialError(t, req.method === 'POST' ? 'Post' : 'Get', err))));
  upstream.on('close', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
  socket.on('close', () => upstream.destroy());
};
