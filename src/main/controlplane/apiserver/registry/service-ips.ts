// Where Service writes meet the cluster IP / node port allocator (apiserver/services): a create
// claims before it is stored and gives back if the write fails; an update claims what it newly needs.
import { ServiceAllocations } from '../services/service-allocations';
import type { Ctx } from './context';
import type { Obj } from './json';
import { keyOf } from './keys';
import { readAll } from './rewrite';
import type { RequestInfo } from './types';

const isServices = (req: RequestInfo): boolean => req.resource.group === '' && req.resource.plural === 'services' && !req.resource.custom;

/** one allocator per storage, following the stored Services through their watch cache */
export const createServiceAllocations = (ctx: Ctx, random?: () => number): ServiceAllocations => {
  const resource = ctx.resources.lookup('', 'v1', 'services')!;
  const cache = ctx.cacheFor(resource);
  const allocations = new ServiceAllocations(
    {
      all: () => readAll(ctx, resource),
      get: (key) => {
        const [ns, name] = key.split('/');
        const kv = ctx.store.get(keyOf(resource, ns, name));
        return kv ? cache.decode(kv) : undefined;
      },
    },
    random,
  );
  const stop = cache.subscribe((events) => {
    for (const e of events) allocations.observe(e.type, e.object);
  });
  ctx.onStop(stop);
  return allocations;
};

export const allocateOnCreate = (ctx: Ctx, req: RequestInfo, obj: Obj, dryRun: boolean): (() => void) =>
  isServices(req) ? ctx.serviceAllocations().allocateNew(obj, dryRun) : () => undefined;

export const allocateOnUpdate = (ctx: Ctx, req: RequestInfo, obj: Obj, old: Obj, dryRun: boolean): void => {
  if (isServices(req) && req.subresource === undefined) ctx.serviceAllocations().allocateChanged(obj, old, dryRun);
};
