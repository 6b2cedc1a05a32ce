// `kubectl get componentstatuses`: a read-only, computed core/v1 ComponentStatus list (scheduler,
// controller-manager, etcd-0 — the store in etcd's role), served in front of the API handler as
// upstream's apiserver computes it on each request, with the deprecation Warning it sends.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type Obj = Record<string, any>;

export const COMPONENT_STATUS_WARNING = '299 - "v1 ComponentStatus is deprecated in v1.19+"';
const PATH = /^\/api\/v1\/componentstatuses(?:\/([^/?]+))?(?:\?.*)?$/;

export interface ComponentHealth {
  /** name → undefined when healthy, else the error text */
  check(): Record<string, string | undefined>;
}

const statusOf = (name: string, error: string | undefined): Obj => ({
  kind: 'ComponentStatus',
  apiVersion: 'v1',
  metadata: { name },
  conditions: [{ type: 'Healthy', status: error ? 'False' : 'True', message: error ? '' : name.startsWith('etcd') ? '{"health":"true","reason":""}' : 'ok', ...(error ? { error } : {}) }],
});

function table(items: Obj[]): Obj {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
      { name: 'Status', type: 'string', format: '', description: 'Status of the component conditions', priority: 0 },
      { name: 'Message', type: 'string', format: '', description: 'Message of the component conditions', priority: 0 },
      { name: 'Error', type: 'string', format: '', description: 'Error of the component conditions', priority: 0 },
    ],
    rows: items.map((i) => {
      const c = i.conditions[0];
      return { cells: [i.metadata.name, c.status === 'True' ? 'Healthy' : 'Unhealthy', c.message, c.error ?? ''], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: i.metadata } };
    }),
  };
}

const sameToken = (header: string | undefined, token: string): boolean => {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
};

/** answers GET on componentstatuses for the admin; everything else goes on to `next` */
export function withComponentStatuses(token: string, health: ComponentHealth, next: Handler): Handler {
  return (req, res) => {
    const m = PATH.exec(req.url ?? '');
    if (!m || req.method !== 'GET' || !sameToken(req.headers.authorization, token) || (req.url ?? '').includes('watch=')) return next(req, res);
    const items = Object.entries(health.check()).map(([name, error]) => statusOf(name, error));
    const name = m[1] ? decodeURIComponent(m[1]) : undefined;
    const headers = { 'Content-Type': 'application/json', Warning: COMPONENT_STATUS_WARNING };
    if (name && !items.some((i) => i.metadata.name === name)) {
      const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `componentstatuses "${name}" not found`, reason: 'NotFound', details: { name, kind: 'componentstatuses' }, code: 404 };
      res.writeHead(404, headers).end(JSON.stringify(status));
      return;
    }
    const chosen = name ? items.filter((i) => i.metadata.name === name) : items;
    const asTable = /as=Table/.test(req.headers.accept ?? '');
    const body = asTable ? table(chosen) : name ? chosen[0] : { kind: 'ComponentStatusList', apiVersion: 'v1', metadata: {}, items: chosen };
    res.writeHead(200, headers).end(JSON.stringify(body));
  };
}
