// POST: a new object. Namespace lifecycle, then defaults and schema, then the server's metadata,
// then semantic validation and managedFields, then one store create (retried only for generateName clashes).
import { alreadyExists, badRequest, methodNotAllowed } from '../../../../shared/k8s/status';
import { checkSchema, checkSemantics, trackFields } from './admit';
import type { Ctx } from './context';
import { encodeForStore, mutableCopy, type Obj } from './json';
import { keyOf } from './keys';
import { checkNamespace, checkNamespaceOpen, checkTypeMeta, generateName, hasGeneration, requireName, timestampOf } from './meta';
import { fieldManagerOf, isDryRun } from './query';
import { admitPriority } from './priority-admission';
import { allocateOnCreate } from './service-ips';
import { isStoreError } from './store-errors';
import type { RequestInfo, WriteResult } from './types';

const GENERATE_ATTEMPTS = 8;

export async function create(ctx: Ctx, req: RequestInfo, body: Record<string, any>): Promise<WriteResult> {
  if (req.subresource) throw methodNotAllowed('the server does not allow this method on the requested resource');
  const obj = mutableCopy(body);
  checkTypeMeta(req.resource, obj);
  checkNamespace(req, obj);
  checkNamespaceOpen(ctx, req.resource, req.namespace);
  return persistNew(ctx, req, prepareNew(ctx, req, obj, fieldManagerOf(req)));
}

/** everything create does before the store write; also used by apply when it creates */
export interface Prepared {
  object: Obj;
  warnings: string[];
  /** the name came from generateName, so a clash picks another one */
  generated: boolean;
}

/** `manager` undefined: managedFields are already set (apply) */
export function prepareNew(ctx: Ctx, req: RequestInfo, obj: Obj, manager: string | undefined): Prepared {
  const { resource } = req;
  // before defaulting, which sets priority 0 as admission does when no class applies
  admitPriority(ctx, req, obj);
  ctx.strategy.applyDefaults(resource, obj);
  const warnings = checkSchema(ctx, req, obj);
  const meta = obj.metadata;
  if (meta.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
  ctx.strategy.prepareForCreate(resource, obj);
  if (resource.group === '' && resource.plural === 'namespaces') prepareNamespace(obj);
  meta.uid = ctx.uid();
  meta.creationTimestamp = timestampOf(ctx.clock.now());
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  if (hasGeneration(obj)) meta.generation = 1;
  else delete meta.generation;
  const generated = !meta.name && Boolean(meta.generateName);
  if (generated) meta.name = generateName(meta.generateName, ctx.random);
  requireName(resource, obj);
  checkSemantics(ctx, resource, obj);
  return { object: manager === undefined ? obj : trackFields(ctx, req, manager, undefined, obj), warnings, generated };
}

/** upstream's namespace PrepareForCreate: Active, with the 'kubernetes' finalizer the namespace controller removes */
const prepareNamespace = (obj: Obj): void => {
  const finalizers: string[] = obj.spec?.finalizers ?? [];
  obj.spec = { ...(obj.spec ?? {}), finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] };
  obj.status = { phase: 'Active' };
};

export async function persistNew(ctx: Ctx, req: RequestInfo, prepared: Prepared): Promise<WriteResult> {
  const { object: obj, warnings, generated } = prepared;
  const result = (object: Obj): WriteResult => ({ code: 201, object, ...(warnings.length ? { warnings } : {}) });
  const undo = allocateOnCreate(ctx, req, obj, isDryRun(req.query));
  if (isDryRun(req.query)) return result(obj);
  try {
    return await storeNew(ctx, req, obj, generated, result);
  } catch (err) {
    undo();
    throw err;
  }
}

async function storeNew(ctx: Ctx, req: RequestInfo, obj: Obj, generated: boolean, result: (o: Obj) => WriteResult): Promise<WriteResult> {
  for (let attempt = 0; ; attempt++) {
    const key = keyOf(req.resource, req.namespace, obj.metadata.name);
    try {
      const text = encodeForStore(obj);
      const kv = await ctx.store.create(key, text);
      obj.metadata.resourceVersion = String(kv.modRevision);
      return result(ctx.cacheFor(req.resource).remember(kv, obj, text));
    } catch (err) {
      if (!isStoreError(err, 'KeyExistsError')) throw err;
      if (!generated || attempt >= GENERATE_ATTEMPTS) throw alreadyExists(req.resource.plural, req.resource.group, obj.metadata.name);
      obj.metadata.name = generateName(obj.metadata.generateName, ctx.random);
    }
  }
}
