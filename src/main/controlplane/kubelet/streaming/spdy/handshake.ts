// The HTTP side of a SPDY upgrade, as k8s.io/apimachinery/pkg/util/httpstream does it: pick the
// first protocol in the client's X-Stream-Protocol-Version list that we serve, answer 101 with it,
// or refuse with 403 and the versions we accept.
import type { UpgradeRequest } from '../types';

/** the chosen protocol; '' for a legacy client that sent none; undefined when refused (socket closed) */
export function spdyHandshake(u: UpgradeRequest, serverProtocols: readonly string[]): string | undefined {
  const raw = u.req.headers['x-stream-protocol-version'];
  const clientProtocols = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const chosen = clientProtocols.length === 0 ? '' : clientProtocols.find((p) => serverProtocols.includes(p));
  if (chosen === undefined) {
    const body = `unable to upgrade: unable to negotiate protocol: client supports [${clientProtocols.join(' ')}], server accepts [${serverProtocols.join(' ')}]`;
    refuse(u, 403, 'Forbidden', body, { 'X-Accepted-Stream-Protocol-Versions': serverProtocols.join(', ') });
    return undefined;
  }
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1'];
  if (chosen) lines.push(`X-Stream-Protocol-Version: ${chosen}`);
  u.socket.write(lines.join('\r\n') + '\r\n\r\n');
  // bytes that arrived with the request belong to the SPDY stream
  if (u.head.length) u.socket.unshift(u.head);
  return chosen;
}

/** a plain HTTP answer on a socket that was never upgraded */
export function refuse(u: UpgradeRequest, code: number, reason: string, body: string, headers: Record<string, string> = {}): void {
  const head = [`HTTP/1.1 ${code} ${reason}`, 'Content-Type: text/plain; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  u.socket.on('error', () => u.socket.destroy());
  u.socket.end(head.join('\r\n') + '\r\n\r\n' + body);
}
