// Object metadata the server owns: names, namespaces, timestamps, type meta.
import { randomInt } from 'node:crypto';
import { badRequest, forbidden, invalid, notFound } from '../../../../shared/k8s/status';
import { apiVersionOf, type ResourceInfo } from '../resources/types';
import type { Ctx } from './context';
import type { Obj } from './json';
import { NAMESPACES, keyOf } from './keys';
import type { RequestInfo } from './types';

/** RFC 3339 in seconds, as metav1.Time marshals */
export const timestampOf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATE_BASE = 58;

/** upstream's SimpleNameGenerator: base (cut to 58) + 5 random characters from an alphabet without vowels */
export const generateName = (base: string, random?: () => number): string => {
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    const n = random ? Math.floor(random() * ALPHANUMS.length) : randomInt(ALPHANUMS.length);
    suffix += ALPHANUMS[n];
  }
  return base.slice(0, MAX_GENERATE_BASE) + suffix;
};

/** the body's kind/apiVersion must be the URL's; missing ones are filled as the decoder's defaults would */
export const checkTypeMeta = (resource: ResourceInfo, obj: Obj): void => {
  const apiVersion = apiVersionOf(resource);
  if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersion) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`);
  }
  if (obj.kind !== undefined && obj.kind !== resource.kind) {
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${resource.kind})`);
  }
  obj.apiVersion = apiVersion;
  obj.kind = resource.kind;
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) throw badRequest('metadata must be an object');
};

/** sets metadata.namespace from the URL; a different one in the body is a 400 as upstream */
export const checkNamespace = (req: RequestInfo, obj: Obj): void => {
  const meta = obj.metadata;
  if (!req.resource.namespaced) {
    delete meta.namespace;
    return;
  }
  if (req.namespace === undefined) throw badRequest('the namespace of the object must be given in the request path');
  if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== req.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  meta.namespace = req.namespace;
};

/** the body's name must be the URL's when both are given */
export const checkName = (req: RequestInfo, obj: Obj): void => {
  const name = obj.metadata.name;
  if (req.name !== undefined && name !== undefined && name !== '' && name !== req.name) {
    throw badRequest(`the name of the object (${name}) does not match the name on the URL (${req.name})`);
  }
  if (req.name !== undefined) obj.metadata.name = req.name;
};

export const requireName = (resource: ResourceInfo, obj: Obj): void => {
  if (!obj.metadata.name) {
    throw invalid(resource.kind, resource.group, '', [
      { reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' },
    ]);
  }
};

/** create needs an existing namespace that is not being torn down */
export const checkNamespaceOpen = (ctx: Ctx, resource: ResourceInfo, namespace: string | undefined): void => {
  if (!resource.namespaced || namespace === undefined) return;
  const kv = ctx.store.get(keyOf(NAMESPACES, undefined, namespace));
  if (!kv) throw notFound('namespaces', '', namespace);
  const ns = ctx.cacheFor(NAMESPACES).decode(kv);
  if (ns.status?.phase === 'Terminating' || ns.metadata?.deletionTimestamp) {
    throw forbidden(`unable to create new content in namespace ${namespace} because it is being terminated`);
  }
};

/** kinds with a spec get a generation that counts spec changes */
export const hasGeneration = (obj: Obj): boolean => obj.spec !== undefined;
