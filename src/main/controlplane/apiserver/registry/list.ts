// LIST: one consistent snapshot, optionally in pages. The first page fixes a revision; its continue
// token carries that revision and the last key, so later pages read the same snapshot until it is compacted.
import { StatusError, badRequest, gone } from '../../../../shared/k8s/status';
import { apiVersionOf } from '../resources/types';
import type { Ctx } from './context';
import type { Obj } from './json';
import { rangePrefixOf } from './keys';
import { CONTINUE_TOO_OLD, decodeContinue, encodeContinue } from './paging';
import { intParam, revisionParam } from './query';
import { selectionOf, type Selection } from './selection';
import { isStoreError } from './store-errors';
import type { RequestInfo } from './types';

export interface Page {
  items: Obj[];
  revision: number;
  continue?: string;
  remainingItemCount?: number;
}

export async function list(ctx: Ctx, req: RequestInfo): Promise<Obj> {
  const page = readPage(ctx, req);
  const metadata: Obj = { resourceVersion: String(page.revision) };
  if (page.continue) metadata.continue = page.continue;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  return { kind: req.resource.listKind, apiVersion: apiVersionOf(req.resource), metadata, items: page.items };
}

interface Plan {
  prefix: string;
  revision?: number;
  startAfter?: string;
  limit: number;
  fromContinue: boolean;
}

const planOf = (ctx: Ctx, req: RequestInfo): Plan => {
  const { query } = req;
  const prefix = rangePrefixOf(req.resource, req.namespace);
  const limit = Math.max(0, intParam(query, 'limit') ?? 0);
  const cont = query.get('continue');
  const rv = revisionParam(query);
  const match = query.get('resourceVersionMatch') ?? '';
  if (match && !['NotOlderThan', 'Exact'].includes(match)) {
    throw badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`);
  }
  if (cont) {
    if (rv !== undefined && rv !== 0) throw badRequest('specifying resource version is not allowed when using continue');
    const token = decodeContinue(prefix, cont);
    return { prefix, revision: token.revision, startAfter: token.lastKey, limit, fromContinue: true };
  }
  if (match && rv === undefined) throw badRequest('resourceVersionMatch is forbidden unless resourceVersion is provided');
  if (match === 'Exact' && rv === 0) throw badRequest('resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
  if (rv !== undefined && rv > ctx.store.revision) {
    throw new StatusError(504, 'Timeout', `Too large resource version: ${rv}, current: ${ctx.store.revision}`, { retryAfterSeconds: 1 });
  }
  // upstream serves a pinned version exactly when asked to, or (legacy) when paging with one
  const exact = rv !== undefined && rv > 0 && (match === 'Exact' || (match === '' && limit > 0));
  return { prefix, revision: exact ? rv : undefined, limit, fromContinue: false };
};

export function readPage(ctx: Ctx, req: RequestInfo): Page {
  const plan = planOf(ctx, req);
  const selection = selectionOf(req);
  try {
    return collect(ctx, req, plan, selection);
  } catch (err) {
    if (!isStoreError(err, 'CompactedError')) throw err;
    if (plan.fromContinue) throw gone(CONTINUE_TOO_OLD);
    throw gone('The resourceVersion for the provided list is too old.');
  }
}

const CHUNK = 500;

/** reads chunks until `limit` items matched; without a selector a chunk is exactly one page */
function collect(ctx: Ctx, req: RequestInfo, plan: Plan, selection: Selection): Page {
  const cache = ctx.cacheFor(req.resource);
  const items: Obj[] = [];
  let startAfter = plan.startAfter;
  let revision = plan.revision;
  const chunk = plan.limit > 0 ? (selection.narrowed ? Math.max(plan.limit, CHUNK) : plan.limit) : 0;
  for (;;) {
    const res = ctx.store.range(plan.prefix, { revision, limit: chunk, startAfter });
    revision = res.revision;
    for (let i = 0; i < res.kvs.length; i++) {
      const obj = cache.decode(res.kvs[i]);
      if (!selection.matches(obj)) continue;
      items.push(obj);
      if (plan.limit > 0 && items.length === plan.limit) {
        const more = i < res.kvs.length - 1 || res.more;
        if (!more) return { items, revision };
        const token = encodeContinue(plan.prefix, { revision, lastKey: res.kvs[i].key });
        const remainingItemCount = selection.narrowed ? undefined : res.remaining + (res.kvs.length - 1 - i);
        return { items, revision, continue: token, remainingItemCount };
      }
    }
    if (!res.more || res.kvs.length === 0) return { items, revision };
    startAfter = res.kvs[res.kvs.length - 1].key;
  }
}
