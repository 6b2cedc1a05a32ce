// Turns a resource URL and method into the RequestInfo the REST handlers take, as upstream's
// RequestInfoFactory does: /api/v1/... and /apis/<group>/<version>/..., with an optional legacy
// /watch/ prefix, namespaced and cluster-scoped forms, and item subresources.
import { methodNotAllowed } from '../../../../shared/k8s/status';
import type { ResourceRegistry } from '../resources/registry';
import { actionOf } from '../resources/actions';
import type { ResourceInfo } from '../resources/types';
import type { Verb } from '../registry/types';
import { notFoundPath } from './respond';

export interface ParsedPath {
  group: string;
  version: string;
  /** parts after the group version, e.g. ['namespaces', 'default', 'pods', 'web'] */
  parts: string[];
  legacyWatch: boolean;
}

/** Splits a path under /api or /apis; undefined for anything else (including discovery roots). */
export const splitResourcePath = (pathname: string): ParsedPath | undefined => {
  const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) {
    [group, version, rest] = ['', segs[1], segs.slice(2)];
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    [group, version, rest] = [segs[1], segs[2], segs.slice(3)];
  } else {
    return undefined;
  }
  const legacyWatch = rest[0] === 'watch';
  return { group, version, parts: legacyWatch ? rest.slice(1) : rest, legacyWatch };
};

export interface ResolvedTarget {
  resource: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
}

// Namespaces' own subresources, which must not be read as a resource inside a namespace.
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export const resolveTarget = (registry: ResourceRegistry, p: ParsedPath): ResolvedTarget => {
  let parts = p.parts;
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  if (parts.length === 0 || parts.length > 3) throw notFoundPath();
  const resource = registry.lookup(p.group, p.version, parts[0]);
  if (!resource) throw notFoundPath();
  if (namespace !== undefined && !resource.namespaced) throw notFoundPath();
  const name = parts[1];
  const subresource = parts[2];
  // An item of a namespaced kind needs its namespace in the path.
  if (resource.namespaced && namespace === undefined && name !== undefined) throw notFoundPath();
  if (subresource !== undefined && !servesSubresource(resource, subresource)) throw notFoundPath();
  return { resource, namespace, name, subresource };
};

const servesSubresource = (r: ResourceInfo, sub: string): boolean =>
  (sub === 'status' && !!r.subresources.status) || (sub === 'scale' && !!r.subresources.scale) || actionOf(r, sub) !== undefined;

const isWatchParam = (q: URLSearchParams): boolean => {
  const w = q.get('watch');
  return w === 'true' || w === '1';
};

/** The verb for a method on a target, or a 405. */
export const verbFor = (method: string, t: ResolvedTarget, query: URLSearchParams, legacyWatch: boolean): Verb => {
  const item = t.name !== undefined;
  if (t.subresource !== undefined) {
    // action subresources (binding, eviction, token) take a POST of their own kind
    if (actionOf(t.resource, t.subresource)) {
      if (method === 'POST') return 'create';
      throw methodNotAllowed(`the server does not allow this method on the requested resource`);
    }
    if (method === 'GET') return 'get';
    if (method === 'PUT') return 'update';
    if (method === 'PATCH') return 'patch';
    throw methodNotAllowed(`the server does not allow this method on the requested resource`);
  }
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (legacyWatch || isWatchParam(query)) return 'watch';
      return item ? 'get' : 'list';
    case 'POST':
      if (!item) return 'create';
      break;
    case 'PUT':
      if (item) return 'update';
      break;
    case 'PATCH':
      if (item) return 'patch';
      break;
    case 'DELETE':
      return item ? 'delete' : 'deletecollection';
  }
  throw methodNotAllowed('the server does not allow this method on the requested resource');
};
