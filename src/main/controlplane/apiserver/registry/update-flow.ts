// The optimistic loop every change to an existing object goes through (PUT, PATCH, /status, /scale):
// read the latest, compute the new object from it, admit it, compare-and-swap; on a lost race, recompute
// from the new latest unless the client pinned a resourceVersion. A failed attempt writes nothing.
import { isDeepStrictEqual } from 'node:util';
import { conflict, notFound } from '../../../../shared/k8s/status';
import type { KeyValue } from '../../store/types';
import { checkSchema, checkSemantics, trackFields } from './admit';
import type { Ctx } from './context';
import { encodeForStore, mutableCopy, type Obj } from './json';
import { keyOf } from './keys';
import { isDryRun } from './query';
import { admitPriority } from './priority-admission';
import { allocateOnUpdate } from './service-ips';
import { currentOf, isStoreError } from './store-errors';
import type { RequestInfo, WriteResult } from './types';

// upstream retries forever; n writers racing on one key need up to n rounds
const MAX_ATTEMPTS = 500;
export const MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export interface Change {
  /** builds the new object from the latest one (a mutable copy); may throw a StatusError */
  apply(current: Obj): Obj;
  manager: string;
  /** the change set managedFields itself (server-side apply) */
  selfManaged?: boolean;
  /** when absent and the object is missing: 404. Apply uses it to create. */
  onMissing?: () => Promise<WriteResult>;
}

export async function updateExisting(ctx: Ctx, req: RequestInfo, change: Change): Promise<WriteResult> {
  const key = keyOf(req.resource, req.namespace, req.name ?? '');
  const cache = ctx.cacheFor(req.resource);
  let latest: KeyValue | undefined = ctx.store.get(key);
  for (let attempt = 0; ; attempt++) {
    const kv = latest;
    if (!kv) {
      if (change.onMissing) return change.onMissing();
      throw notFound(req.resource.plural, req.resource.group, req.name ?? '');
    }
    const old = cache.decode(kv);
    const desired = change.apply(mutableCopy(old));
    const pinned = desired.metadata?.resourceVersion;
    if (pinned !== undefined && pinned !== '' && pinned !== String(kv.modRevision)) throw modified(req);
    const { object, warnings } = admitUpdate(ctx, req, desired, old, change.selfManaged ? undefined : change.manager);
    const done = (o: Obj, code = 200): WriteResult => ({ code, object: o, ...(warnings.length ? { warnings } : {}) });
    object.metadata.resourceVersion = old.metadata.resourceVersion;
    if (sameIgnoringManagedFields(object, old)) return done(old);
    if (isDryRun(req.query)) return done(object);
    try {
      return done(await persist(ctx, req, key, kv, object));
    } catch (err) {
      if (isStoreError(err, 'KeyNotFoundError')) throw notFound(req.resource.plural, req.resource.group, req.name ?? '');
      if (!isStoreError(err, 'RevisionMismatchError')) throw err;
      // a pinned resourceVersion fails the check on the next round; anything else recomputes
      if (attempt >= MAX_ATTEMPTS) throw modified(req);
      latest = await latestAfterConflict(ctx, key, err);
    }
  }
}

/** the store names the version that won (possibly not yet durable); else wait for it to land */
export async function latestAfterConflict(ctx: Ctx, key: string, err: unknown): Promise<KeyValue | undefined> {
  const current = currentOf(err);
  if (current) return current;
  await new Promise((resolve) => setImmediate(resolve));
  return ctx.store.get(key);
}

export const modified = (req: RequestInfo) => conflict(req.resource.plural, req.resource.group, req.name ?? '', MODIFIED);

/** writes the update, or removes the object when the update cleared the last finalizer of a deleting object */
async function persist(ctx: Ctx, req: RequestInfo, key: string, kv: KeyValue, object: Obj): Promise<Obj> {
  const cache = ctx.cacheFor(req.resource);
  if (readyToRemove(object)) {
    const deleted = await ctx.store.delete(key, kv.modRevision);
    object.metadata.resourceVersion = String(deleted.modRevision);
    return object;
  }
  const text = encodeForStore(object);
  const written = await ctx.store.update(key, text, kv.modRevision);
  object.metadata.resourceVersion = String(written.modRevision);
  return cache.remember(written, object, text);
}

/** upstream's ShouldDeleteDuringUpdate: deleting, no finalizers left, no grace period still running */
export const readyToRemove = (obj: Obj): boolean => {
  const meta = obj.metadata;
  if (!meta.deletionTimestamp || (meta.finalizers ?? []).length > 0) return false;
  // upstream's ShouldDeleteNamespaceDuringUpdate: a namespace also waits for its spec.finalizers (the namespace controller)
  if (obj.kind === 'Namespace' && obj.apiVersion === 'v1' && (obj.spec?.finalizers ?? []).length > 0) return false;
  if (obj.kind === 'Pod' && obj.apiVersion === 'v1' && (!obj.spec?.nodeName || ['Succeeded', 'Failed'].includes(obj.status?.phase))) return true;
  return !meta.deletionGracePeriodSeconds;
};

function admitUpdate(ctx: Ctx, req: RequestInfo, desired: Obj, old: Obj, manager: string | undefined): { object: Obj; warnings: string[] } {
  const { resource } = req;
  let obj = desired;
  ctx.strategy.applyDefaults(resource, obj);
  const warnings = checkSchema(ctx, req, obj);
  if (req.subresource === 'status') obj = { ...mutableCopy(old), status: obj.status };
  else if (resource.subresources.status) obj.status = old.status === undefined ? undefined : mutableCopy(old.status);
  if (obj.status === undefined) delete obj.status;
  keepSystemMeta(obj, old);
  ctx.strategy.prepareForUpdate(resource, obj, old, req.subresource);
  if (req.subresource !== 'status' && old.metadata.generation !== undefined && specChanged(obj, old)) {
    obj.metadata.generation = old.metadata.generation + 1;
  }
  checkSemantics(ctx, resource, obj, old);
  admitPriority(ctx, req, obj, old);
  allocateOnUpdate(ctx, req, obj, old, isDryRun(req.query));
  return { object: manager === undefined ? obj : trackFields(ctx, req, manager, old, obj), warnings };
}

const SYSTEM_META = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink'];

const keepSystemMeta = (obj: Obj, old: Obj): void => {
  const meta = (obj.metadata ??= {});
  for (const f of SYSTEM_META) {
    if (old.metadata[f] === undefined) delete meta[f];
    else meta[f] = old.metadata[f];
  }
  meta.name = old.metadata.name;
  if (old.metadata.namespace !== undefined) meta.namespace = old.metadata.namespace;
  if (meta.managedFields === undefined && old.metadata.managedFields !== undefined) meta.managedFields = mutableCopy(old.metadata.managedFields);
};

/** generation counts changes to anything but metadata and status */
const specChanged = (obj: Obj, old: Obj): boolean => {
  const { metadata: _a, status: _b, ...now } = obj;
  const { metadata: _c, status: _d, ...before } = old;
  return !isDeepStrictEqual(now, before);
};

/** a no-op write (only managedFields timestamps differ) stores nothing, as upstream */
const sameIgnoringManagedFields = (a: Obj, b: Obj): boolean => {
  const { managedFields: _a, ...metaA } = a.metadata;
  const { managedFields: _b, ...metaB } = b.metadata;
  return isDeepStrictEqual({ ...a, metadata: metaA }, { ...b, metadata: metaB });
};
