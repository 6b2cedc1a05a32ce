// The kubelet's HTTP server for one local node, on 127.0.0.1: the paths upstream kubelet serves
// for the API server — /containerLogs, /exec, /attach, /portForward. Only the API server calls it,
// with the per-launch token the composition root gave both sides (compared in constant time).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createHash, timingSafeEqual } from 'node:crypto';
import { serveContainerLogs } from './logs';
import { rejectUpgrade, writeStatus } from './respond';
import { StreamError, type ContainerStreams } from './types';
import { UpgradeDispatcher, type StreamTarget } from './upgrade';

type Obj = Record<string, any>;

export interface KubeletServerOptions {
  nodeName: string;
  token: string;
  streams: ContainerStreams;
  /** the pod as the API has it (the node's client), undefined when there is none */
  getPod(namespace: string, name: string): Promise<Obj | undefined>;
  logger: { warn(message: string, err?: unknown): void };
  now?: () => number;
}

interface Route {
  verb: 'containerLogs' | 'exec' | 'attach' | 'portForward';
  namespace: string;
  pod: string;
  uid?: string;
  container?: string;
}

class Unauthorized extends Error {}

const codeOf = (err: unknown): number => (err instanceof StreamError ? err.code : err instanceof Unauthorized ? 401 : 500);
const expected = (err: unknown): boolean => err instanceof StreamError || err instanceof Unauthorized;

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** /verb/ns/pod[/uid]/container, and /portForward/ns/pod[/uid] */
export const parseRoute = (pathname: string): Route | undefined => {
  const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const verb = segs[0] as Route['verb'];
  if (verb === 'portForward' && (segs.length === 3 || segs.length === 4)) return { verb, namespace: segs[1], pod: segs[2], uid: segs[3] };
  if (verb === 'containerLogs' && segs.length === 4) return { verb, namespace: segs[1], pod: segs[2], container: segs[3] };
  if ((verb === 'exec' || verb === 'attach') && (segs.length === 4 || segs.length === 5)) {
    return { verb, namespace: segs[1], pod: segs[2], uid: segs.length === 5 ? segs[3] : undefined, container: segs.at(-1) };
  }
  return undefined;
};

export class KubeletServer {
  private readonly server: Server;
  private readonly dispatcher: UpgradeDispatcher;
  private readonly upgraded = new Set<Duplex>();
  private readonly tokenDigest: Buffer;
  port = 0;

  constructor(private readonly o: KubeletServerOptions) {
    this.tokenDigest = digest(o.token);
    this.dispatcher = new UpgradeDispatcher(o.streams);
    this.server = createServer((req, res) => void this.request(req, res));
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // upgraded connections leave the HTTP server's bookkeeping: keep them to end them on close
      this.upgraded.add(socket);
      socket.once('close', () => this.upgraded.delete(socket));
      void this.upgrade(req, socket, head);
    });
    this.server.on('clientError', (_err, socket) => socket.destroy());
  }

  /** listens on 127.0.0.1 at a free port, which the Node reports as daemonEndpoints.kubeletEndpoint.Port */
  listen(host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, host, () => {
        this.server.off('error', reject);
        const a = this.server.address();
        this.port = typeof a === 'object' && a ? a.port : 0;
        resolve(this.port);
      });
    });
  }

  async close(): Promise<void> {
    this.dispatcher.close();
    for (const socket of this.upgraded) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private authorized(req: IncomingMessage): boolean {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    return m !== null && timingSafeEqual(digest(m[1]), this.tokenDigest);
  }

  /** the route and its pod; throws StreamError like kubelet answers */
  private async resolve(req: IncomingMessage): Promise<{ route: Route; pod: Obj; url: URL }> {
    if (!this.authorized(req)) throw new Unauthorized('Unauthorized');
    const url = new URL(req.url ?? '/', 'http://kubelet');
    const route = parseRoute(url.pathname);
    if (!route) throw new StreamError(404, `the kubelet has no handler for ${url.pathname}`);
    const pod = await this.o.getPod(route.namespace, route.pod);
    if (!pod || pod.spec?.nodeName !== this.o.nodeName || (route.uid && route.uid !== pod.metadata.uid)) throw new StreamError(404, 'pod does not exist');
    return { route, pod, url };
  }

  private async request(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const { route, pod, url } = await this.resolve(req);
      if (route.verb !== 'containerLogs') throw new StreamError(400, 'Upgrade request required');
      await serveContainerLogs(res, this.o.streams, pod, route.container!, url.searchParams, (this.o.now ?? Date.now)());
    } catch (err) {
      if (!expected(err)) this.o.logger.warn(`kubelet ${this.o.nodeName}: ${req.url} failed`, err);
      writeStatus(res, codeOf(err), (err as Error).message);
    }
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    try {
      const { route, pod, url } = await this.resolve(req);
      if (route.verb === 'containerLogs') throw new StreamError(400, 'container logs are not served over an upgraded connection');
      const target: StreamTarget = {
        kind: route.verb,
        pod: { uid: pod.metadata.uid, namespace: route.namespace, name: route.pod },
        container: route.container,
        query: url.searchParams,
      };
      this.dispatcher.dispatch({ req, socket, head }, target);
    } catch (err) {
      if (!expected(err)) this.o.logger.warn(`kubelet ${this.o.nodeName}: ${req.url} failed`, err);
      rejectUpgrade(socket, codeOf(err), (err as Error).message);
    }
  }
}
