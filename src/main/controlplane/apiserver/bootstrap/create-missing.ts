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

export async function createMissing(handlers: ResourceHandlers, resources: ResourceRegistry, obj: Obj): Promise<void> {
  try {
    await handlers.create(requestFor(resources, obj, 'create'), obj);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 409)) throw err;
  }
}

/** creates the object, or makes the stored one match `obj` (what changes between starts, like a port) */
export async function createOrReplace(handlers: ResourceHandlers, resources: ResourceRegistry, obj: Obj): Promise<void> {
  try {
    await handlers.create(requestFor(resources, obj, 'create'), obj);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 409)) throw err;
    const req = requestFor(resources, obj, 'update', obj.metadata.name);
    const current = await handlers.get({ ...req, verb: 'get' });
    await handlers.update(req, { ...obj, metadata: { ...current.metadata, labels: obj.metadata.labels }, ...(current.spec && obj.spec ? { spec: { ...current.spec, ...obj.spec } } : {}) });
  }
}
