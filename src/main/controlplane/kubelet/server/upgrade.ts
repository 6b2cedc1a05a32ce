// Hands an upgraded exec/attach/port-forward connection to the protocol the client asked for
// (see ../streaming/types.ts for the table): WebSocket channels v5/v4, SPDY, or SPDY in a WebSocket.
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { UpgradeRequest } from '../streaming/types';
import { parseExecQuery, parsePorts } from '../streaming/query';
import { EXEC_PROTOCOLS, PORT_FORWARD_PROTOCOLS, chooseProtocol, offeredProtocols } from '../streaming/websocket/channels';
import { serveWebSocketExec } from '../streaming/websocket/exec';
import { serveWebSocketPortForward } from '../streaming/websocket/portforward';
import { acceptTunneledPortForward, closeTunneledPortForwards, serveSpdyExec, serveSpdyPortForward } from './spdy';
import { rejectUpgrade } from './respond';
import type { ContainerStreams, PodRef } from './types';

export const TUNNELED_PORT_FORWARD = 'SPDY/3.1+portforward.k8s.io';

export interface StreamTarget {
  kind: 'exec' | 'attach' | 'portForward';
  pod: PodRef;
  container?: string;
  query: URLSearchParams;
}

export class UpgradeDispatcher {
  private readonly chosen = new WeakMap<IncomingMessage, string>();
  private readonly wss: WebSocketServer;

  constructor(private readonly streams: ContainerStreams) {
    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: (_offered, req) => this.chosen.get(req) ?? false });
  }

  /** throws StreamError for a bad query; the caller answers it */
  dispatch(u: UpgradeRequest, t: StreamTarget): void {
    const upgrade = String(u.req.headers.upgrade ?? '').toLowerCase();
    if (upgrade === 'websocket') return this.websocket(u, t);
    if (upgrade.startsWith('spdy/')) return this.spdy(u, t);
    rejectUpgrade(u.socket, 400, `unable to upgrade: unsupported protocol ${JSON.stringify(u.req.headers.upgrade)}`);
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    closeTunneledPortForwards();
  }

  private spdy(u: UpgradeRequest, t: StreamTarget): void {
    if (t.kind === 'portForward') return serveSpdyPortForward(u, (port) => this.streams.portForward(t.pod, port), { pod: t.pod.name, uid: t.pod.uid });
    const query = parseExecQuery(t.query, t.kind === 'exec');
    serveSpdyExec(u, query, this.starter(t, query.command));
  }

  private websocket(u: UpgradeRequest, t: StreamTarget): void {
    const offered = offeredProtocols(u.req.headers['sec-websocket-protocol']);
    const connect = (port: number) => this.streams.portForward(t.pod, port);
    if (t.kind === 'portForward') {
      // ws refuses this subprotocol ('/' is not a token char) and kubectl would quietly fall back to SPDY; the spdy module accepts it
      if (offered.includes(TUNNELED_PORT_FORWARD)) return acceptTunneledPortForward(u, connect, { pod: t.pod.name, uid: t.pod.uid });
      const ports = parsePorts(t.query);
      const protocol = chooseProtocol(offered, PORT_FORWARD_PROTOCOLS) ?? '';
      return this.accept(u, protocol, (ws) => serveWebSocketPortForward(ws, protocol, ports, t.pod.uid, connect));
    }
    const query = parseExecQuery(t.query, t.kind === 'exec');
    const protocol = chooseProtocol(offered, EXEC_PROTOCOLS);
    if (!protocol) {
      return rejectUpgrade(u.socket, 400, `unable to upgrade connection: none of the requested subprotocols [${offered.join(' ')}] is supported; use one of [${EXEC_PROTOCOLS.join(' ')}]`);
    }
    this.accept(u, protocol, (ws) => serveWebSocketExec(ws, protocol, query, this.starter(t, query.command)));
  }

  private starter(t: StreamTarget, command: string[]) {
    return t.kind === 'exec'
      ? (opts: Parameters<ContainerStreams['exec']>[3]) => this.streams.exec(t.pod, t.container!, command, opts)
      : (opts: Parameters<ContainerStreams['attach']>[2]) => this.streams.attach(t.pod, t.container!, opts);
  }

  private accept(u: UpgradeRequest, protocol: string, serve: (ws: WebSocket) => void): void {
    if (protocol) this.chosen.set(u.req, protocol);
    this.wss.handleUpgrade(u.req, u.socket, u.head, serve);
  }
}
