// What a DELETE does to an object: remove it now, or mark it (deletionTimestamp) and leave the rest to
// finalizers, a node agent's graceful shutdown, or the namespace controller.
import { badRequest, conflict } from '../../../../shared/k8s/status';
import { keyPrefixOf } from '../resources/types';
import type { Ctx } from './context';
import type { Obj } from './json';
import { timestampOf } from './meta';
import { intParam, isDryRun } from './query';
import type { RequestInfo } from './types';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

export const deleteOptionsOf = (req: RequestInfo, body: Record<string, any> | undefined): DeleteOptions => {
  const q = req.query;
  const grace = body?.gracePeriodSeconds ?? intParam(q, 'gracePeriodSeconds');
  let policy = body?.propagationPolicy ?? q.get('propagationPolicy') ?? undefined;
  const orphan = body?.orphanDependents ?? (q.has('orphanDependents') ? q.get('orphanDependents') === 'true' : undefined);
  if (policy !== undefined && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  if (policy !== undefined && orphan !== undefined) throw badRequest('orphanDependents: Invalid value: "": Cannot set both propagationPolicy and orphanDependents');
  if (orphan !== undefined) policy = orphan ? 'Orphan' : 'Background';
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 0)) throw badRequest(`gracePeriodSeconds: Invalid value: ${grace}: must be >= 0`);
  return { gracePeriodSeconds: grace, propagationPolicy: policy, preconditions: body?.preconditions, dryRun: isDryRun(q, body) };
};

/** upstream's BeforeDelete wording; the conflict names the kind, as upstream does there */
export const checkPreconditions = (req: RequestInfo, obj: Obj, pre: DeleteOptions['preconditions']): void => {
  const fail = (what: string, want: string, have: string, why: string) =>
    conflict(req.resource.kind, req.resource.group, req.name ?? '', `the ${what} in the precondition (${want}) does not match the ${what} in record (${have}). The object might have been ${why}`);
  if (pre?.uid && pre.uid !== obj.metadata.uid) throw fail('UID', pre.uid, obj.metadata.uid, 'deleted and then recreated');
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw fail('ResourceVersion', pre.resourceVersion, obj.metadata.resourceVersion, 'modified');
  }
};

export type DeletePlan = { action: 'remove' } | { action: 'mark'; object: Obj } | { action: 'none' };

const isPod = (req: RequestInfo) => req.resource.group === '' && req.resource.plural === 'pods';
const isNamespace = (req: RequestInfo) => req.resource.group === '' && req.resource.plural === 'namespaces';

/** `obj` is a mutable copy of the latest object */
export function planDelete(ctx: Ctx, req: RequestInfo, obj: Obj, opts: DeleteOptions): DeletePlan {
  const meta = obj.metadata;
  const now = ctx.clock.now();
  const before = JSON.stringify(meta.finalizers ?? []);
  meta.finalizers = withPolicy(meta.finalizers ?? [], opts.propagationPolicy);
  const finalizersChanged = JSON.stringify(meta.finalizers) !== before;
  if (meta.finalizers.length === 0) delete meta.finalizers;
  const hasFinalizers = (meta.finalizers ?? []).length > 0;

  if (isPod(req)) {
    const grace = podGrace(obj, opts);
    if (grace > 0) {
      const deadline = new Date(now.getTime() + grace * 1000);
      if (meta.deletionTimestamp && meta.deletionGracePeriodSeconds !== undefined && meta.deletionGracePeriodSeconds <= grace && !finalizersChanged) return { action: 'none' };
      meta.deletionTimestamp = timestampOf(deadline);
      meta.deletionGracePeriodSeconds = grace;
      return { action: 'mark', object: obj };
    }
  }
  if (isNamespace(req)) {
    if (!hasFinalizers && namespaceEmpty(ctx, meta.name)) return { action: 'remove' };
    if (meta.deletionTimestamp && obj.status?.phase === 'Terminating' && !finalizersChanged) return { action: 'none' };
    meta.deletionTimestamp ??= timestampOf(now);
    meta.deletionGracePeriodSeconds ??= 0;
    obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
    return { action: 'mark', object: obj };
  }
  if (!hasFinalizers) return { action: 'remove' };
  if (meta.deletionTimestamp && !finalizersChanged && (meta.deletionGracePeriodSeconds ?? 0) === 0) return { action: 'none' };
  meta.deletionTimestamp = meta.deletionTimestamp && isPod(req) ? meta.deletionTimestamp : timestampOf(now);
  meta.deletionGracePeriodSeconds = 0;
  return { action: 'mark', object: obj };
}

/** a bound, running pod gets its grace period; an unbound or finished one has nobody to wait for */
const podGrace = (pod: Obj, opts: DeleteOptions): number => {
  if (!pod.spec?.nodeName || ['Succeeded', 'Failed'].includes(pod.status?.phase)) return 0;
  return opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
};

const withPolicy = (finalizers: string[], policy: DeleteOptions['propagationPolicy']): string[] => {
  const rest = finalizers.filter((f) => f !== 'orphan' && f !== 'foregroundDeletion');
  if (policy === 'Foreground') return [...rest, 'foregroundDeletion'];
  if (policy === 'Orphan') return [...rest, 'orphan'];
  if (policy === 'Background') return rest;
  return finalizers;
};

/** the namespace controller is not there yet: an empty namespace is finished at once, others stay Terminating */
const namespaceEmpty = (ctx: Ctx, name: string): boolean =>
  ctx.resources.all().every((r) => !r.namespaced || ctx.store.count(`${keyPrefixOf(r)}${name}/`) === 0);
