// Accepting kubectl 1.31+'s port-forward WebSocket. Its subprotocol "SPDY/3.1+portforward.k8s.io"
// has characters an RFC 7230 token may not ('/'), so ws refuses the handshake with 400 "Invalid
// Sec-WebSocket-Protocol header" and kubectl silently falls back to plain SPDY. We take the header
// out before ws parses it and put the protocol back into the 101 answer, which gorilla (kubectl's
// client) checks.
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import type { ConnectPort, UpgradeRequest } from '../types';
import { serveTunneledPortForward, type SpdyPortForwardOptions } from './port-forward';

export const TUNNELED_PORT_FORWARD_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

const tunnelled = new WeakSet<IncomingMessage>();
let wss: WebSocketServer | undefined;

function server(): WebSocketServer {
  if (wss) return wss;
  wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: true });
  wss.on('headers', (headers, req) => {
    if (tunnelled.has(req)) headers.push(`Sec-WebSocket-Protocol: ${TUNNELED_PORT_FORWARD_PROTOCOL}`);
  });
  return wss;
}

/** the request is a WebSocket upgrade that offers the SPDY tunnel */
export function isTunneledPortForward(req: IncomingMessage): boolean {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '');
  return String(req.headers.upgrade ?? '').toLowerCase() === 'websocket' && offered.split(',').some((p) => p.trim() === TUNNELED_PORT_FORWARD_PROTOCOL);
}

/** completes the WebSocket handshake for a tunnelled port-forward, then serves SPDY inside it */
export function acceptTunneledPortForward(u: UpgradeRequest, connect: ConnectPort, opts: SpdyPortForwardOptions = {}): void {
  delete u.req.headers['sec-websocket-protocol'];
  tunnelled.add(u.req);
  server().handleUpgrade(u.req, u.socket, u.head, (ws) => serveTunneledPortForward(ws, connect, opts));
}

/** drops every tunnelled port-forward (the kubelet server is closing) */
export function closeTunneledPortForwards(): void {
  for (const ws of wss?.clients ?? []) ws.terminate();
}
