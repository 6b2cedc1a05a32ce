// The checks every write passes before it is stored: schema (types, unknown fields), then the kind's
// semantic validation, then managedFields bookkeeping.
import { invalid } from '../../../../shared/k8s/status';
import { validationError } from '../schema/errors';
import { apiVersionOf, type ResourceInfo } from '../resources/types';
import type { Ctx } from './context';
import type { Obj } from './json';
import { timestampOf } from './meta';
import { fieldValidationOf } from './query';
import type { RequestInfo } from './types';

/** In upstream's order: decoding errors (wrong types, then Strict unknown fields) are 400, the rest 422. */
export const checkSchema = (ctx: Ctx, req: RequestInfo, obj: Obj): string[] => {
  const result = ctx.schema.validate(req.resource, obj, fieldValidationOf(req.query));
  const error = validationError(req.resource, obj.metadata?.name ?? '', result.causes);
  if (error) throw error;
  return result.warnings;
};

export const checkSemantics = (ctx: Ctx, resource: ResourceInfo, obj: Obj, old?: Obj): void => {
  const causes = ctx.strategy.validate(resource, obj, old);
  if (causes.length > 0) throw invalid(resource.kind, resource.group, obj.metadata?.name ?? '', causes);
};

export const trackFields = (ctx: Ctx, req: RequestInfo, manager: string, live: Obj | undefined, updated: Obj): Obj =>
  ctx.fieldManager.update({
    live,
    updated,
    manager,
    schema: ctx.schema.rootOf(req.resource),
    apiVersion: apiVersionOf(req.resource),
    now: timestampOf(ctx.clock.now()),
    subresource: req.subresource,
  });
