// `wheelhouse serve`: the renderer and the bridge over HTTP + WebSocket on 127.0.0.1 only.
//   GET /?token=T      → index.html, and an HttpOnly SameSite=Strict cookie carrying T
//   GET /assets…       → needs the cookie (or ?token)
//   WS  /bridge        → needs the cookie, the bound Host and the app's own Origin
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { BridgeRouter } from '../bridge/router';
import { serveEndpoint, webSocketEndpoint } from '../bridge/carriers';
import { WebGuard } from './guard';
import { serveStatic } from './static';

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startWebServer(router: BridgeRouter, rendererDir: string, port = 0): Promise<WebServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  const bound = (server.address() as { port: number }).port;
  const guard = new WebGuard(`${LOOPBACK}:${bound}`);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', guard.origin);
    const verdict = guard.check(req, url, req.method !== 'GET' && req.method !== 'HEAD');
    if (verdict) {
      res.writeHead(verdict, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(verdict === 401 ? 'Unauthorized: open the URL wheelhouse printed (it carries this launch\'s token).\n' : 'Forbidden\n');
      return;
    }
    const setCookie = url.searchParams.has('token') ? { 'Set-Cookie': guard.cookieHeader() } : undefined;
    serveStatic(rendererDir, url.pathname, res, setCookie);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', guard.origin);
    const verdict = url.pathname !== '/bridge' ? 404 : guard.check(req, url, true);
    if (verdict) {
      socket.end(`HTTP/1.1 ${verdict} ${verdict === 401 ? 'Unauthorized' : verdict === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveEndpoint(router, webSocketEndpoint(ws)));
  });

  return {
    url: `${guard.origin}/?token=${guard.token}`,
    port: bound,
    token: guard.token,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
