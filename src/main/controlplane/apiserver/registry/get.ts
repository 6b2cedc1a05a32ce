// GET one object (also /status, which is the whole object, and /scale). A resourceVersion on a get
// means "not older than", which the latest always satisfies, so it is only checked for syntax.
import { notFound } from '../../../../shared/k8s/status';
import type { Ctx } from './context';
import { mutableCopy, type Obj } from './json';
import { keyOf } from './keys';
import { revisionParam } from './query';
import { scaleOf } from './scale';
import type { RequestInfo } from './types';

/** a fresh copy: in-process callers commonly edit what they got and PUT it back */
export async function get(ctx: Ctx, req: RequestInfo): Promise<Obj> {
  revisionParam(req.query);
  const obj = mutableCopy(read(ctx, req));
  return req.subresource === 'scale' ? scaleOf(req.resource, obj) : obj;
}

/** the shared, frozen object */
export function read(ctx: Ctx, req: RequestInfo): Obj {
  const kv = ctx.store.get(keyOf(req.resource, req.namespace, req.name ?? ''));
  if (!kv) throw notFound(req.resource.plural, req.resource.group, req.name ?? '');
  return ctx.cacheFor(req.resource).decode(kv);
}
