// PUT: replaces the object. A resourceVersion in the body pins it (409 on mismatch); without one the
// update is unconditional. Updating a missing object is a 404: built-ins do not create on update.
import { checkName, checkNamespace, checkTypeMeta } from './meta';
import type { Ctx } from './context';
import { mutableCopy } from './json';
import { fieldManagerOf } from './query';
import { updateScale } from './scale';
import type { RequestInfo, WriteResult } from './types';
import { updateExisting } from './update-flow';

export async function update(ctx: Ctx, req: RequestInfo, body: Record<string, any>): Promise<WriteResult> {
  if (req.subresource === 'scale') return updateScale(ctx, req, body);
  const obj = mutableCopy(body);
  checkTypeMeta(req.resource, obj);
  checkNamespace(req, obj);
  checkName(req, obj);
  return updateExisting(ctx, req, { manager: fieldManagerOf(req), apply: () => mutableCopy(obj) });
}
