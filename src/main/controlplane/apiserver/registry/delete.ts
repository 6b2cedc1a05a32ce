// DELETE one object: preconditions, then remove or mark (see delete-plan), as one compare-and-swap
// against the version the plan was made from.
import { conflict, notFound } from '../../../../shared/k8s/status';
import type { Ctx } from './context';
import { checkPreconditions, deleteOptionsOf, planDelete, type DeleteOptions } from './delete-plan';
import { encodeForStore, mutableCopy, type Obj } from './json';
import { keyOf } from './keys';
import { isStoreError } from './store-errors';
import type { RequestInfo, WriteResult } from './types';
import { MODIFIED, latestAfterConflict } from './update-flow';
import type { KeyValue } from '../../store/types';

// upstream retries forever; n writers racing on one key need up to n rounds
const MAX_ATTEMPTS = 500;

export async function del(ctx: Ctx, req: RequestInfo, options: Record<string, any> | undefined): Promise<WriteResult> {
  return deleteWith(ctx, req, deleteOptionsOf(req, options));
}

export async function deleteWith(ctx: Ctx, req: RequestInfo, opts: DeleteOptions): Promise<WriteResult> {
  const key = keyOf(req.resource, req.namespace, req.name ?? '');
  const cache = ctx.cacheFor(req.resource);
  let latest: KeyValue | undefined = ctx.store.get(key);
  for (let attempt = 0; ; attempt++) {
    const kv = latest;
    if (!kv) throw notFound(req.resource.plural, req.resource.group, req.name ?? '');
    const current = cache.decode(kv);
    checkPreconditions(req, current, opts.preconditions);
    const plan = planDelete(ctx, req, mutableCopy(current), opts);
    if (plan.action === 'none') return { code: 200, object: current };
    if (opts.dryRun) return { code: 200, object: plan.action === 'mark' ? plan.object : current };
    try {
      if (plan.action === 'remove') {
        const deleted = await ctx.store.delete(key, kv.modRevision);
        return { code: 200, object: withRevision(current, deleted.modRevision) };
      }
      const text = encodeForStore(plan.object);
      const written = await ctx.store.update(key, text, kv.modRevision);
      plan.object.metadata.resourceVersion = String(written.modRevision);
      return { code: 200, object: cache.remember(written, plan.object, text) };
    } catch (err) {
      if (isStoreError(err, 'KeyNotFoundError')) throw notFound(req.resource.plural, req.resource.group, req.name ?? '');
      if (!isStoreError(err, 'RevisionMismatchError')) throw err;
      if (opts.preconditions?.resourceVersion || attempt >= MAX_ATTEMPTS) {
        throw conflict(req.resource.plural, req.resource.group, req.name ?? '', MODIFIED);
      }
      latest = await latestAfterConflict(ctx, key, err);
    }
  }
}

const withRevision = (obj: Obj, revision: number): Obj => ({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(revision) } });
