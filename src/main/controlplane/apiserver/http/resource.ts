// Serves one resource request: resolves the target, reads the body, calls the REST handler for the
// verb and writes its answer (as a Table when kubectl asks for one).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify as toYaml } from 'yaml';
import { methodNotAllowed, StatusError } from '../../../../shared/k8s/status';
import type { TablePrinter } from '../printers/types';
import type { ResourceHandlers, RequestInfo, WatchEventOut, WriteResult } from '../registry/types';
import type { ResourceRegistry } from '../resources/registry';
import { tableVersionOf, wantsYaml, type MediaRange } from './accept';
import type { ProtobufDecoder } from '../protobuf/decoder';
import { asObject, decodeBody, mediaTypeOf, patchTypeOf, readBody, type BodyDecoding } from './body';
import { JSON_TYPE, warningHeader, writeBody } from './respond';
import { jsonOf, listJSON } from '../registry/json';
import { resolveTarget, verbFor, type ParsedPath } from './route';
import { includeObjectOf, listToTable, objectToTable, type TableOptions } from './table';
import { serveWatch } from './watch';

export interface ResourceDeps {
  handlers: ResourceHandlers;
  resources: ResourceRegistry;
  printer: TablePrinter;
  now: () => Date;
  log: (msg: string, err: unknown) => void;
  /** decodes application/vnd.kubernetes.protobuf bodies; without it they get 415 */
  protobuf?: ProtobufDecoder;
}

export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  path: ParsedPath;
  query: URLSearchParams;
  accept: MediaRange[];
  user: string;
  groups?: string[];
}

export const serveResource = async (deps: ResourceDeps, r: ResourceRequest): Promise<void> => {
  const target = resolveTarget(deps.resources, r.path);
  const method = r.req.method ?? 'GET';
  const verb = verbFor(method, target, r.query, r.path.legacyWatch);
  if (!target.subresource && !target.resource.verbs.includes(verb)) {
    throw methodNotAllowed('the server does not allow this method on the requested resource');
  }
  const info: RequestInfo = { verb, ...target, query: r.query, user: r.user, groups: r.groups, userAgent: String(r.req.headers['user-agent'] ?? '') };
  const tableVersion = tableVersionOf(r.accept);
  const tableOpts = (): TableOptions | undefined =>
    tableVersion && { printer: deps.printer, resource: target.resource, tableVersion, include: includeObjectOf(r.query), now: deps.now() };

  switch (verb) {
    case 'get': {
      const obj = await deps.handlers.get(info);
      const t = tableOpts();
      return writeObject(r, 200, t ? objectToTable(t, obj) : obj);
    }
    case 'list': {
      const list = await deps.handlers.list(info);
      const t = tableOpts();
      return writeObject(r, 200, t ? listToTable(t, list) : list);
    }
    case 'watch':
      return watch(deps, r, info, tableOpts());
    case 'deletecollection': {
      const options = await readOptionalObject(r.req, { protobuf: deps.protobuf });
      return writeObject(r, 200, await deps.handlers.deleteCollection(info, options));
    }
    default: {
      const decoding: BodyDecoding = { protobuf: deps.protobuf, warnings: [] };
      const result = await write(deps.handlers, info, r.req, decoding);
      if (decoding.warnings!.length) result.warnings = [...decoding.warnings!, ...(result.warnings ?? [])];
      return writeResult(r, result);
    }
  }
};

const watch = (deps: ResourceDeps, r: ResourceRequest, info: RequestInfo, table: TableOptions | undefined): Promise<void> => {
  // Watching one item is watching its collection narrowed by name, as upstream does.
  if (info.name !== undefined) {
    const q = new URLSearchParams(info.query);
    const byName = `metadata.name=${info.name}`;
    const fs = q.get('fieldSelector');
    q.set('fieldSelector', fs ? `${fs},${byName}` : byName);
    info = { ...info, name: undefined, query: q };
  }
  let first = true;
  const transform = table
    ? (e: WatchEventOut): WatchEventOut => {
        const object = objectToTable({ ...table, now: deps.now(), noHeaders: !first }, e.object);
        first = false;
        return { type: e.type, object };
      }
    : undefined;
  return serveWatch(r.req, r.res, deps.handlers, info, { transform, log: deps.log });
};

const write = async (handlers: ResourceHandlers, info: RequestInfo, req: IncomingMessage, decoding: BodyDecoding): Promise<WriteResult> => {
  const mediaType = mediaTypeOf(req);
  switch (info.verb) {
    case 'create':
      return handlers.create(info, asObject(decodeBody(await readBody(req), mediaType, decoding)));
    case 'update':
      return handlers.update(info, asObject(decodeBody(await readBody(req), mediaType, decoding)));
    case 'patch': {
      const patchType = patchTypeOf(mediaType);
      return handlers.patch(info, patchType, decodeBody(await readBody(req), mediaType, decoding));
    }
    case 'delete':
      return handlers.delete(info, await readOptionalObject(req, decoding));
    default:
      throw new StatusError(500, 'InternalError', `unexpected verb ${info.verb}`);
  }
};

/** DeleteOptions bodies are optional; kubectl sends JSON when it sends one. */
const readOptionalObject = async (req: IncomingMessage, decoding: BodyDecoding): Promise<Record<string, any> | undefined> => {
  const buf = await readBody(req);
  if (buf.length === 0 || buf.toString('utf8').trim() === '') return undefined;
  return asObject(decodeBody(buf, mediaTypeOf(req) || 'application/json', decoding));
};

const writeObject = (r: ResourceRequest, code: number, obj: unknown, headers: Record<string, string | string[]> = {}): void => {
  if (wantsYaml(r.accept)) return writeBody(r.res, code, 'application/yaml', toYaml(obj), headers);
  // Lists and stored objects reuse the storage's cached JSON text instead of serializing again.
  const o = obj as Record<string, unknown>;
  const text = Array.isArray(o?.items) ? listJSON(o) : jsonOf(o);
  writeBody(r.res, code, JSON_TYPE, text, headers);
};

const writeResult = (r: ResourceRequest, result: WriteResult): void => {
  const headers: Record<string, string | string[]> = {};
  if (result.warnings?.length) headers.Warning = warningHeader(result.warnings);
  writeObject(r, result.code, result.object, headers);
};
