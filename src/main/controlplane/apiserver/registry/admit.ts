// The checks every write passes before it is stored: schema (types, unknown fields), then the kind's
// semantic validation, then managedFields bookkeeping.
import { badRequest, invalid, type StatusCause } from '../../../../shared/k8s/status';
import { apiVersionOf, type ResourceInfo } from '../resources/types';
import type { Ctx } from './context';
import type { Obj } from './json';
import { timestampOf } from './meta';
import { fieldValidationOf } from './query';
import type { RequestInfo } from './types';

const isUnknownField = (c: StatusCause): boolean => (c.message ?? '').startsWith('unknown field');

/** Strict unknown fields are a 400 "strict decoding error" upstream; other schema failures are 422. */
export const checkSchema = (ctx: Ctx, req: RequestInfo, obj: Obj): string[] => {
  const result = ctx.schema.validate(req.resource, obj, fieldValidationOf(req.query));
  const unknown = result.causes.filter(isUnknownField);
  if (unknown.length > 0) {
    const { kind, version } = req.resource;
    throw badRequest(
      `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${unknown.map((c) => c.message).join(', ')}`,
      unknown,
    );
  }
  if (result.causes.length > 0) throw invalid(req.resource.kind, req.resource.group, obj.metadata?.name ?? '', result.causes);
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
