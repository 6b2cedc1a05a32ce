// A small in-memory ResourceHandlers for this folder's tests, standing in until the real REST
// storage exists. It keeps objects per resource and fans watch events out to live sinks.
import { request } from 'node:http';
import { alreadyExists, notFound } from '../../../../shared/k8s/status';
import type { RequestInfo, ResourceHandlers, WatchEventOut, WatchSink, WriteResult } from '../registry/types';
import type { TablePrinter } from '../printers/types';
import type { SchemaService, ValidationResult } from '../schema/types';

type Obj = Record<string, any>;

export class MemoryHandlers implements ResourceHandlers {
  private rv = 1;
  private readonly objects = new Map<string, Obj>();
  private readonly sinks = new Set<{ prefix: string; ns?: string; sink: WatchSink }>();

  private prefix = (r: RequestInfo): string => `${r.resource.group}/${r.resource.plural}/`;
  private key = (r: RequestInfo, name = r.name): string => `${this.prefix(r)}${r.namespace ?? ''}/${name}`;

  async get(r: RequestInfo): Promise<Obj> {
    const o = this.objects.get(this.key(r));
    if (!o) throw notFound(r.resource.plural, r.resource.group, r.name ?? '');
    return o;
  }

  async list(r: RequestInfo): Promise<Obj> {
    const items = [...this.objects].filter(([k, o]) => k.startsWith(this.prefix(r)) && (r.namespace === undefined || o.metadata.namespace === r.namespace)).map(([, o]) => o);
    const { group, version, listKind } = r.resource;
    return { apiVersion: group ? `${group}/${version}` : version, kind: listKind, metadata: { resourceVersion: String(this.rv) }, items };
  }

  async watch(r: RequestInfo, sink: WatchSink): Promise<void> {
    const entry = { prefix: this.prefix(r), ns: r.namespace, sink };
    this.sinks.add(entry);
    await sink.closed;
    this.sinks.delete(entry);
  }

  async create(r: RequestInfo, body: Obj): Promise<WriteResult> {
    const name = body.metadata?.name;
    if (this.objects.has(this.key(r, name))) throw alreadyExists(r.resource.plural, r.resource.group, name);
    return { code: 201, object: this.put(r, name, body, 'ADDED'), warnings: body.metadata?.annotations?.warn ? ['something odd'] : undefined };
  }

  async update(r: RequestInfo, body: Obj): Promise<WriteResult> {
    const old = await this.get(r);
    const next = r.subresource === 'status' ? { ...old, status: body.status } : body;
    return { code: 200, object: this.put(r, r.name!, next, 'MODIFIED') };
  }

  async patch(r: RequestInfo, _type: unknown, body: unknown): Promise<WriteResult> {
    const old = await this.get(r);
    return { code: 200, object: this.put(r, r.name!, { ...old, ...(body as Obj) }, 'MODIFIED') };
  }

  async delete(r: RequestInfo): Promise<WriteResult> {
    const old = await this.get(r);
    this.objects.delete(this.key(r));
    this.emit(r, { type: 'DELETED', object: old });
    return { code: 200, object: old };
  }

  async deleteCollection(r: RequestInfo): Promise<Obj> {
    const list = await this.list(r);
    for (const o of list.items) await this.delete({ ...r, namespace: o.metadata.namespace, name: o.metadata.name });
    return list;
  }

  private put(r: RequestInfo, name: string, body: Obj, type: WatchEventOut['type']): Obj {
    const { group, version, kind } = r.resource;
    const object = {
      ...body,
      apiVersion: group ? `${group}/${version}` : version,
      kind,
      metadata: { ...body.metadata, name, ...(r.namespace ? { namespace: r.namespace } : {}), resourceVersion: String(++this.rv), creationTimestamp: body.metadata?.creationTimestamp ?? '2026-01-01T00:00:00Z' },
    };
    this.objects.set(this.key(r, name), object);
    this.emit(r, { type, object });
    return object;
  }

  private emit(r: RequestInfo, e: WatchEventOut): void {
    for (const s of this.sinks) if (s.prefix === this.prefix(r) && (s.ns === undefined || s.ns === e.object.metadata.namespace)) s.sink.send(e);
  }
}

export const simplePrinter: TablePrinter = {
  columns: () => [
    { name: 'Name', type: 'string', format: 'name', description: 'name', priority: 0 },
    { name: 'Age', type: 'date', format: '', description: 'age', priority: 0 },
  ],
  cells: (_r, obj) => [obj.metadata?.name, '1d'],
};

export class SimpleSchema implements SchemaService {
  readonly custom = new Map<string, object>();
  rootOf(): undefined {
    return undefined;
  }
  validate(): ValidationResult {
    return { causes: [], warnings: [] };
  }
  private readonly v2 = { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.33.0' }, paths: {} };
  openapiV2(): object {
    return this.v2;
  }
  openapiV3Index(): object {
    return { paths: { 'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=ABC' } } };
  }
  openapiV3(gv: string): object | undefined {
    return gv === 'api/v1' ? { openapi: '3.0.0', paths: {} } : undefined;
  }
  registerCustomResource(r: { group: string; version: string; plural: string }, s: object): void {
    this.custom.set(`${r.group}/${r.version}/${r.plural}`, s);
  }
  unregisterCustomResource(r: { group: string; version: string; plural: string }): void {
    this.custom.delete(`${r.group}/${r.version}/${r.plural}`);
  }
}

export const TEST_TOKEN = 'secret-token';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One HTTP call with the test token (or none, or another), answering status, headers and parsed JSON. */
export const call = (port: number, method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string>; token?: string | null } = {}): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? TEST_TOKEN}`;
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
