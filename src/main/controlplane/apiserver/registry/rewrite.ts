// A server-side change to one stored object that is not a client's write (a binding setting
// spec.nodeName, an eviction's budget bookkeeping): no defaulting, no update validation, only the
// compare-and-swap loop. Pod spec is immutable to clients, so pods/binding cannot go through update.
import { notFound } from '../../../../shared/k8s/status';
import type { KeyValue } from '../../store/types';
import type { ResourceInfo } from '../resources/types';
import type { Ctx } from './context';
import { encodeForStore, mutableCopy, type Obj } from './json';
import { keyOf, rangePrefixOf } from './keys';
import { isStoreError } from './store-errors';
import { latestAfterConflict } from './update-flow';

const MAX_ATTEMPTS = 500;

/** `change` gets a mutable copy of the latest object; it may throw a StatusError to refuse */
export async function rewrite(ctx: Ctx, resource: ResourceInfo, namespace: string | undefined, name: string, change: (current: Obj) => Obj): Promise<Obj> {
  const key = keyOf(resource, namespace, name);
  const cache = ctx.cacheFor(resource);
  let latest: KeyValue | undefined = ctx.store.get(key);
  for (let attempt = 0; ; attempt++) {
    const kv = latest;
    if (!kv) throw notFound(resource.plural, resource.group, name);
    const next = change(mutableCopy(cache.decode(kv)));
    delete next.metadata.resourceVersion;
    const text = encodeForStore(next);
    try {
      const written = await ctx.store.update(key, text, kv.modRevision);
      next.metadata.resourceVersion = String(written.modRevision);
      return cache.remember(written, next, text);
    } catch (err) {
      if (isStoreError(err, 'KeyNotFoundError')) throw notFound(resource.plural, resource.group, name);
      if (!isStoreError(err, 'RevisionMismatchError') || attempt >= MAX_ATTEMPTS) throw err;
      latest = await latestAfterConflict(ctx, key, err);
    }
  }
}

/** the latest stored object, frozen and shared; undefined when missing */
export const readStored = (ctx: Ctx, resource: ResourceInfo, namespace: string | undefined, name: string): Obj | undefined => {
  const kv = ctx.store.get(keyOf(resource, namespace, name));
  return kv ? ctx.cacheFor(resource).decode(kv) : undefined;
};

/** every stored object under a namespace (or all), frozen and shared */
export const readAll = (ctx: Ctx, resource: ResourceInfo, namespace?: string): Obj[] => {
  const cache = ctx.cacheFor(resource);
  return ctx.store.range(rangePrefixOf(resource, namespace)).kvs.map((kv) => cache.decode(kv));
};

export const successStatus = (): Obj => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
