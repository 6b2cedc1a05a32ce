// Creates an object unless it exists; bootstrap objects are laid down once and left to their users.
import { StatusError } from '../../../../shared/k8s/status';
import type { RequestInfo, ResourceHandlers } from '../registry/types';
import type { ResourceRegistry } from '../resources/registry';

export type Obj = Record<string, any>;

export const requestFor = (resources: ResourceRegistry, obj: Obj, verb: RequestInfo['verb'], name?: string): RequestInfo => {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  const resource = resources.byKind(group, version, obj.kind);
  if (!resource) throw new Error(`no resource serves ${obj.apiVersion} ${obj.kind}`);
  return { verb, resource, namespace: obj.metadata.namespace, name, query: new URLSearchParams(), user: 'system:apiserver', userAgent: 'wheelhouse-bootstrap' };
};

/** true if the object is stored; a read is cheap, a create validates against the schemas (costly at start-up) */
const exists = async (handlers: ResourceHandlers, resources: ResourceRegistry, obj: Obj): Promise<boolean> => {
  try {
    await handlers.get(requestFor(resources, obj, 'get', obj.metadata.name));
    return true;
  } catch (err) {
    if (err instanceof StatusError && err.code === 404) return false;
    throw err;
  }
};

export async function createMissing(handlers: ResourceHandlers, resources: ResourceRegistry, obj: Obj): Promise<void> {
  if (await exists(handlers, resources, obj)) return;
  try {
    await handlers.create(requestFor(resources, obj, 'create'), obj);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 409)) throw err;
  }
}

/** creates the object, or makes the stored one match `obj` (what changes between starts, like a port) */
export async function createOrReplace(handlers: ResourceHandlers, resources: ResourceRegistry, obj: Obj): Promise<void> {
  const req = requestFor(resources, obj, 'update', obj.metadata.name);
  let current: Obj;
  try {
    current = await handlers.get({ ...req, verb: 'get' });
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 404)) throw err;
    await createMissing(handlers, resources, obj);
    return;
  }
  const desired = { ...obj, metadata: { ...current.metadata, labels: obj.metadata.labels }, ...(current.spec && obj.spec ? { spec: { ...current.spec, ...obj.spec } } : {}) };
  // Unchanged (the usual restart on the same port): no write, so no validation at start-up.
  if (sameContent(current, desired)) return;
  await handlers.update(req, desired);
}

const CONTENT_FIELDS = ['spec', 'subsets', 'endpoints', 'ports', 'addressType'];

const sameContent = (current: Obj, desired: Obj): boolean =>
  JSON.stringify(current.metadata?.labels ?? {}) === JSON.stringify(desired.metadata?.labels ?? {}) &&
  CONTENT_FIELDS.every((f) => desired[f] === undefined || JSON.stringify(current[f]) === JSON.stringify(desired[f]));
