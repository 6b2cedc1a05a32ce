// One TCP listener in front of a Service port, as kube-proxy's userspace mode: accept, pick a
// backend, dial it, splice the two sockets. A refused or unreachable backend is skipped for the next
// one, with upstream's growing dial timeouts. With no backend at all the client gets a reset at once,
// as kube-proxy's REJECT rule answers, rather than a connection that hangs.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Logger } from '../client';
import type { Balancer } from './balancer';
import type { Backend } from './endpoints';
import { type Frontend, type Listener, frontendKey, plainIp } from './frontend';

/** kube-proxy userspace's endpointDialTimeouts */
const DIAL_TIMEOUTS_MS = [250, 500, 1000, 2000];

export function listenTcp(frontend: Frontend, balancer: Balancer, logger: Logger): Promise<Listener> {
  const open = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    const clientIp = plainIp(client.remoteAddress);
    const order = balancer.order(clientIp);
    if (order.length === 0) {
      client.resetAndDestroy();
      return;
    }
    void dialInOrder(order, open).then((upstream) => {
      if (!upstream) {
        logger.warn(`proxy ${frontendKey(frontend)}: no backend of ${order.length} accepted the connection`);
        client.resetAndDestroy();
        return;
      }
      if (client.destroyed) return void upstream.destroy();
      balancer.used(clientIp, upstream.backend);
      splice(client, upstream.socket);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: frontend.ip, port: frontend.port, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', (err) => logger.warn(`proxy ${frontendKey(frontend)}: listener error`, err));
      resolve({ close: (drop) => closeServer(server, open, drop) });
    });
  });
}

interface Dialed {
  socket: Socket;
  backend: Backend;
  destroy(): void;
}

async function dialInOrder(order: Backend[], open: Set<Socket>): Promise<Dialed | undefined> {
  for (let i = 0; i < order.length; i++) {
    const socket = await dial(order[i], DIAL_TIMEOUTS_MS[Math.min(i, DIAL_TIMEOUTS_MS.length - 1)]);
    if (socket) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      return { socket, backend: order[i], destroy: () => socket.destroy() };
    }
  }
  return undefined;
}

const dial = (backend: Backend, timeoutMs: number): Promise<Socket | undefined> =>
  new Promise((resolve) => {
    const socket = connect({ host: backend.ip, port: backend.port, allowHalfOpen: true });
    const fail = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(undefined);
    };
    const timer = setTimeout(fail, timeoutMs);
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });

/** bytes both ways; a half-close is passed on (pipe ends the other side once written), an error on either side ends both */
function splice(client: Socket, upstream: Socket): void {
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream);
  upstream.pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.resetAndDestroy());
  client.resume();
}

function closeServer(server: Server, open: Set<Socket>, drop: boolean): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if (drop) for (const socket of open) socket.destroy();
    else resolve();
  });
}
