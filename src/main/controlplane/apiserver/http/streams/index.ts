// The pods' stream subresources: log (a plain GET, proxied), and exec, attach and portforward
// (Upgrade requests, whose connection is handed to the kubelet). See README "Streams".
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError, unauthorized } from '../../../../../shared/k8s/status';
import type { UserInfo } from '../../authn/types';
import { bearerTokenOf, userOf, type Authenticator } from '../auth';
import { impersonated } from '../impersonation';
import { notFoundPath } from '../respond';
import { splitResourcePath, type ParsedPath } from '../route';
import { locate, type LocateDeps, type StreamSubresource } from './locate';
import { proxyLog } from './log';
import { proxyUpgrade, rejectRaw } from './upgrade';

export interface StreamRoutesDeps extends LocateDeps {
  authenticator: Authenticator;
  /** the per-launch token every kubelet server of this cluster accepts */
  kubeletToken: string;
  log(message: string, err: unknown): void;
}

export interface StreamPath {
  subresource: StreamSubresource;
  namespace: string;
  name: string;
}

export interface StreamRoutes {
  /** a pods/{name}/log|exec|attach|portforward path, or undefined */
  match(path: ParsedPath): StreamPath | undefined;
  /** a plain (non-upgrade) request to a stream path */
  serve(req: IncomingMessage, res: ServerResponse, p: StreamPath, user: UserInfo, query: URLSearchParams): Promise<void>;
  /** the https server's 'upgrade' event */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

const SUBRESOURCES = new Set<string>(['log', 'exec', 'attach', 'portforward']);

export const matchStreamPath = (path: ParsedPath): StreamPath | undefined => {
  const [ns, namespace, pods, name, sub] = path.parts;
  if (path.group !== '' || path.version !== 'v1' || path.legacyWatch || path.parts.length !== 5) return undefined;
  if (ns !== 'namespaces' || pods !== 'pods' || !SUBRESOURCES.has(sub)) return undefined;
  return { subresource: sub as StreamSubresource, namespace, name };
};

const upgradeRequired = (): StatusError => new StatusError(400, 'BadRequest', 'Upgrade request required');

export const createStreamRoutes = (deps: StreamRoutesDeps): StreamRoutes => {
  const authenticate = async (req: IncomingMessage): Promise<UserInfo> => {
    const token = bearerTokenOf(req);
    const user = token === undefined ? undefined : await userOf(deps.authenticator, token);
    if (user === undefined) throw unauthorized();
    return impersonated(req, user);
  };

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://apiserver');
    const user = await authenticate(req);
    const parsed = splitResourcePath(url.pathname);
    const p = parsed && matchStreamPath(parsed);
    if (!p) throw notFoundPath();
    if (p.subresource === 'log') throw new StatusError(400, 'BadRequest', 'pods/log is a plain GET; it cannot be upgraded');
    const target = await locate(deps, p.subresource, p.namespace, p.name, url.searchParams, user);
    proxyUpgrade(req, socket, head, target, deps.kubeletToken);
  };

  return {
    match: matchStreamPath,
    async serve(req, res, p, user, query) {
      const method = req.method ?? 'GET';
      if (p.subresource !== 'log') {
        if (method !== 'GET' && method !== 'POST') throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
        throw upgradeRequired();
      }
      if (method !== 'GET') throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      const target = await locate(deps, 'log', p.namespace, p.name, query, user);
      await proxyLog(res, target, deps.kubeletToken);
    },
    upgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      upgrade(req, socket, head).catch((err: unknown) => {
        if (!(err instanceof StatusError)) deps.log('upgrade request failed', err);
        rejectRaw(socket, err);
      });
    },
  };
};
