// The API server's HTTP front: authentication, then health, version, discovery, OpenAPI or a
// resource request. Everything that fails becomes a metav1.Status; nothing a client sends can
// take the process down.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError, unauthorized } from '../../../../shared/k8s/status';
import { DiscoveryService } from '../discovery/service';
import type { TablePrinter } from '../printers/types';
import type { ProtobufDecoder } from '../protobuf/decoder';
import type { ResourceHandlers } from '../registry/types';
import type { ResourceRegistry } from '../resources/registry';
import type { SchemaService } from '../schema/types';
import { aggregatedDiscoveryVersionOf, parseAccept, acceptsJson, type MediaRange } from './accept';
import type { UserInfo } from '../authn/types';
import { bearerTokenOf, userOf, type Authenticator } from './auth';
import { impersonated } from './impersonation';
import { HEALTH_ENDPOINTS, serveHealth, type HealthCheck } from './health';
import { serveOpenApi } from './openapi';
import { serveResource } from './resource';
import { notFoundPath, writeBody, writeError, writeJson } from './respond';
import { splitResourcePath } from './route';
import { defaultVersionInfo, type VersionInfo } from './version';
import type { StreamRoutes } from './streams';
import { METRICS_RESOURCES } from '../metrics/resources';
import { serveMetrics } from '../metrics/serve';
import { METRICS_GROUP, type MetricsProvider } from '../metrics/types';

export interface ApiLogger {
  error(message: string, err?: unknown): void;
}

export interface ApiHandlerDeps {
  handlers: ResourceHandlers;
  resources: ResourceRegistry;
  schema: SchemaService;
  printer: TablePrinter;
  authenticator: Authenticator;
  version?: VersionInfo;
  healthChecks?: HealthCheck[];
  /** the time Table ages are computed against */
  clock?: () => Date;
  logger?: ApiLogger;
  /** host:port clients should use, for /api's serverAddressByClientCIDRs; default: the Host header */
  serverAddress?: string;
  /** decodes application/vnd.kubernetes.protobuf request bodies (kubectl 1.32+ typed clients) */
  protobuf?: ProtobufDecoder;
  /** pods/log, exec, attach, portforward (through the pod's kubelet); without it they are not served */
  streams?: StreamRoutes;
  /** metrics.k8s.io's source; undefined answers 503 as an unavailable APIService does */
  metrics?: () => MetricsProvider | undefined;
}

/** Paths upstream serves without credentials (system:public-info-viewer). */
const isPublic = (segs: string[]): boolean => HEALTH_ENDPOINTS.has(segs[0]) || (segs.length === 1 && segs[0] === 'version');

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  segs: string[];
  accept: MediaRange[];
}

export const createApiHandler = (deps: ApiHandlerDeps): ((req: IncomingMessage, res: ServerResponse) => void) => {
  const discovery = new DiscoveryService(deps.resources, METRICS_RESOURCES);
  const version = deps.version ?? defaultVersionInfo();
  const now = deps.clock ?? (() => new Date());
  const log = (msg: string, err: unknown): void => deps.logger?.error(msg, err);

  const route = async (c: Ctx): Promise<void> => {
    const method = c.req.method ?? 'GET';
    if (HEALTH_ENDPOINTS.has(c.segs[0]) && c.segs.length <= 2) return serveHealth(c.res, c.segs, c.url.searchParams, deps.healthChecks ?? []);
    const who = isPublic(c.segs) ? { name: 'system:anonymous', groups: ['system:unauthenticated'] } : impersonated(c.req, await authenticate(c.req, deps.authenticator));
    if (c.segs.length === 1 && c.segs[0] === 'version') return writeJson(c.res, 200, version);
    if (c.segs[0] === 'openapi') return serveOpenApi(c.req, c.res, c.segs, c.url.searchParams, c.accept, deps.schema);
    const path = splitResourcePath(c.url.pathname);
    if (path?.group === METRICS_GROUP && path.parts.length > 0) return serveMetrics(c.res, method, path, c.url.searchParams, deps.metrics?.());
    const stream = path && deps.streams?.match(path);
    if (stream) return deps.streams!.serve(c.req, c.res, stream, who, c.url.searchParams);
    if (path && (path.parts.length > 0 || path.legacyWatch)) {
      if (!acceptsJson(c.accept)) throw new StatusError(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/yaml');
      return serveResource({ handlers: deps.handlers, resources: deps.resources, printer: deps.printer, now, log, protobuf: deps.protobuf }, { req: c.req, res: c.res, path, query: c.url.searchParams, accept: c.accept, user: who.name, groups: who.groups });
    }
    if ((c.segs[0] === 'api' || c.segs[0] === 'apis') && (method === 'GET' || method === 'HEAD')) {
      const address = deps.serverAddress ?? c.req.headers.host ?? '127.0.0.1';
      const doc = discovery.lookup(c.url.pathname, aggregatedDiscoveryVersionOf(c.accept), address);
      if (doc) return serveDiscovery(c, doc);
    }
    throw notFoundPath();
  };

  return (req, res) => {
    let c: Ctx;
    try {
      const url = new URL(req.url ?? '/', 'http://apiserver');
      c = { req, res, url, segs: url.pathname.split('/').filter(Boolean), accept: parseAccept(req.headers.accept) };
    } catch (err) {
      return writeError(res, new StatusError(400, 'BadRequest', `malformed request URL: ${(err as Error).message}`), log);
    }
    res.on('error', (err) => log('response stream failed', err));
    route(c).catch((err: unknown) => {
      if (res.headersSent) {
        log('request failed after its answer began', err);
        res.end();
        return;
      }
      writeError(res, err, log);
    });
  };
};

const authenticate = async (req: IncomingMessage, authenticator: Authenticator): Promise<UserInfo> => {
  const token = bearerTokenOf(req);
  const user = token === undefined ? undefined : await userOf(authenticator, token);
  if (user === undefined) throw unauthorized();
  return user;
};

const serveDiscovery = (c: Ctx, doc: { body: string; etag: string; contentType: string }): void => {
  const headers = { ETag: doc.etag, Vary: 'Accept' };
  if (c.req.headers['if-none-match'] === doc.etag) {
    c.res.writeHead(304, headers);
    c.res.end();
    return;
  }
  writeBody(c.res, 200, doc.contentType, doc.body, headers);
};
