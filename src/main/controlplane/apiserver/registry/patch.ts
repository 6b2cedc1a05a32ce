// PATCH: json, merge and strategic patches apply to the latest object inside the optimistic loop, so
// a concurrent write just means patching again. Apply (server-side apply) may also create.
import { StatusError, invalid, notFound } from '../../../../shared/k8s/status';
import { apiVersionOf } from '../resources/types';
import type { Ctx } from './context';
import { persistNew, prepareNew } from './create';
import { mutableCopy, type Obj } from './json';
import { checkName, checkNamespace, checkNamespaceOpen, checkTypeMeta, timestampOf } from './meta';
import { applyPatchDocument, checkPatchType } from './patchers';
import { boolParam, fieldManagerOf } from './query';
import { read } from './get';
import { scaleOf, updateScale } from './scale';
import type { PatchType, RequestInfo, WriteResult } from './types';
import { updateExisting } from './update-flow';

export async function patch(ctx: Ctx, req: RequestInfo, patchType: PatchType, body: unknown): Promise<WriteResult> {
  checkPatchType(req.resource, patchType);
  if (patchType === 'apply') return applyPatch(ctx, req, body);
  const schema = ctx.schema.rootOf(req.resource);
  if (req.subresource === 'scale') {
    const current = scaleOf(req.resource, mutableCopy(read(ctx, req)));
    return updateScale(ctx, req, applyPatchDocument(patchType, current, body, undefined));
  }
  return updateExisting(ctx, req, {
    manager: fieldManagerOf(req),
    apply: (current) => {
      const patched = applyPatchDocument(patchType, current, body, schema);
      checkTypeMeta(req.resource, patched);
      return patched;
    },
  });
}

async function applyPatch(ctx: Ctx, req: RequestInfo, body: unknown): Promise<WriteResult> {
  const manager = req.query.get('fieldManager');
  if (!manager) {
    throw invalid('PatchOptions', 'meta.k8s.io', '', [{ reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' }]);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new StatusError(400, 'BadRequest', 'apply patch must be an object');
  const applied = mutableCopy(body as Obj);
  checkTypeMeta(req.resource, applied);
  checkNamespace(req, applied);
  checkName(req, applied);
  const force = boolParam(req.query, 'force') ?? false;
  const run = (live: Obj | undefined): Obj =>
    ctx.fieldManager.apply({
      live,
      applied: mutableCopy(applied),
      manager,
      force,
      schema: ctx.schema.rootOf(req.resource),
      apiVersion: apiVersionOf(req.resource),
      now: timestampOf(ctx.clock.now()),
      subresource: req.subresource,
    });
  return updateExisting(ctx, req, {
    manager,
    selfManaged: true,
    apply: (current) => run(current),
    onMissing: async () => {
      if (req.subresource) throw notFound(req.resource.plural, req.resource.group, req.name ?? '');
      checkNamespaceOpen(ctx, req.resource, req.namespace);
      return persistNew(ctx, req, prepareNew(ctx, req, run(undefined), undefined));
    },
  });
}
