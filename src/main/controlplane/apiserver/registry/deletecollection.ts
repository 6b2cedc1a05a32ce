// DELETE on a collection: every object the selectors match, each deleted as a single DELETE would be.
// The result lists what was deleted or marked for deletion, as upstream's DeleteCollection returns.
import { apiVersionOf } from '../resources/types';
import type { Ctx } from './context';
import { deleteOptionsOf, type DeleteOptions } from './delete-plan';
import { deleteWith } from './delete';
import type { Obj } from './json';
import { readPage } from './list';
import type { RequestInfo } from './types';
import { StatusError } from '../../../../shared/k8s/status';

export async function deleteCollection(ctx: Ctx, req: RequestInfo, options: Record<string, any> | undefined): Promise<Obj> {
  const opts: DeleteOptions = deleteOptionsOf(req, options);
  const listReq: RequestInfo = { ...req, verb: 'list', query: withoutPaging(req.query) };
  const page = readPage(ctx, listReq);
  const items: Obj[] = [];
  for (const obj of page.items) {
    const one: RequestInfo = { ...req, verb: 'delete', name: obj.metadata.name, namespace: obj.metadata.namespace };
    try {
      items.push((await deleteWith(ctx, one, opts)).object);
    } catch (err) {
      // gone in the meantime: that is what the caller wanted
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
  return { kind: req.resource.listKind, apiVersion: apiVersionOf(req.resource), metadata: { resourceVersion: String(ctx.store.revision) }, items };
}

const withoutPaging = (query: URLSearchParams): URLSearchParams => {
  const q = new URLSearchParams(query);
  for (const k of ['limit', 'continue', 'resourceVersion', 'resourceVersionMatch']) q.delete(k);
  return q;
};
