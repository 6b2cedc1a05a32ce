// What upstream's PrepareForCreate / PrepareForUpdate do per kind: reset status a client may not set,
// keep spec on status writes and status on spec writes.
//
// Generation is not touched here: the REST storage sets 1 on create and bumps it when anything but
// metadata and status changed (see registry/update-flow.ts), so doing it here too would double-count.
import type { ResourceInfo } from '../resources/types';
import { applyDefaults } from './apply-defaults';
import { podQosClass } from './qos';
import { keepAllocatedServiceValues } from './service-allocated';
import { isObj, type Obj } from './util';

const key = (r: ResourceInfo): string => `${r.group}/${r.kind}`;

/** Kinds whose status a creator may set (the kubelet registers a Node with its status). */
const KEEPS_STATUS_ON_CREATE = new Set(['/Node']);

export function prepareForCreate(resource: ResourceInfo, obj: Obj): void {
  if (!resource.subresources.status || KEEPS_STATUS_ON_CREATE.has(key(resource))) return;
  if (resource.custom) {
    delete obj.status;
    return;
  }
  obj.status = {};
  switch (key(resource)) {
    case '/Pod':
      obj.status = { phase: 'Pending', qosClass: podQosClass(obj) };
      break;
    case '/Namespace':
    case '/PersistentVolume':
    case '/PersistentVolumeClaim':
      // Their status defaults (phase Active / Pending) apply again once status is reset.
      applyDefaults(resource, obj);
      break;
  }
}

const mutableCopy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** Metadata a status write may not change (upstream ResetObjectMetaForStatus). */
const STATUS_LOCKED_META = ['labels', 'annotations', 'finalizers', 'ownerReferences'];

function keepAllButStatus(obj: Obj, old: Obj): void {
  for (const k of Object.keys(obj)) if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') delete obj[k];
  for (const [k, v] of Object.entries(old)) if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') obj[k] = mutableCopy(v);
  const meta = isObj(obj.metadata) ? obj.metadata : (obj.metadata = {});
  for (const f of STATUS_LOCKED_META) {
    if (old.metadata?.[f] === undefined) delete meta[f];
    else meta[f] = mutableCopy(old.metadata[f]);
  }
}

export function prepareForUpdate(resource: ResourceInfo, obj: Obj, old: Obj, subresource?: string): void {
  if (subresource === 'status') {
    keepAllButStatus(obj, old);
    return;
  }
  if (subresource) return;
  if (resource.subresources.status) {
    if (old.status === undefined) delete obj.status;
    else obj.status = mutableCopy(old.status);
  }
  if (key(resource) === '/Service') keepAllocatedServiceValues(obj, old);
  // Only the namespace controller, through /finalize, may change a namespace's finalizers.
  if (key(resource) === '/Namespace' && isObj(old.spec)) obj.spec = { ...(obj.spec ?? {}), finalizers: mutableCopy(old.spec.finalizers) };
}
