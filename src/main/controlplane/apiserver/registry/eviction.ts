// POST pods/<name>/eviction: a delete that respects PodDisruptionBudgets, as upstream's EvictionREST.
// Pods that are not running (Pending, finished) or already deleting go at once; otherwise the one
// budget selecting the pod must allow a disruption, or the answer is 429 and kubectl drain retries.
import { badRequest, notFound, StatusError } from '../../../../shared/k8s/status';
import type { Ctx } from './context';
import { deleteOptionsOf } from './delete-plan';
import { deleteWith } from './delete';
import { budgetSelects, computeBudget, isPodReady } from './disruption';
import type { Obj } from './json';
import { readAll, readStored, successStatus } from './rewrite';
import type { RequestInfo, WriteResult } from './types';

export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

const canIgnoreBudget = (pod: Obj): boolean => ['Succeeded', 'Failed', 'Pending'].includes(pod.status?.phase ?? 'Pending') || Boolean(pod.metadata.deletionTimestamp);

const SCALABLE: Record<string, [string, string]> = {
  ReplicaSet: ['apps', 'replicasets'],
  StatefulSet: ['apps', 'statefulsets'],
  ReplicationController: ['', 'replicationcontrollers'],
};

const replicasOf = (ctx: Ctx, namespace: string, owner: Obj): number | undefined => {
  const where = SCALABLE[owner.kind];
  const resource = where && ctx.resources.lookup(where[0], 'v1', where[1]);
  const found = resource ? readStored(ctx, resource, namespace, owner.name) : undefined;
  return found && found.metadata.uid === owner.uid ? (found.spec?.replicas ?? 1) : undefined;
};

// Evictions in one namespace are decided one at a time: the next decision must see the pods the
// previous one deleted (upstream serializes them through the budget's status instead).
const queues = new WeakMap<Ctx, Map<string, Promise<unknown>>>();

const oneAtATime = <T>(ctx: Ctx, scope: string, fn: () => Promise<T>): Promise<T> => {
  let decisions = queues.get(ctx);
  if (!decisions) queues.set(ctx, (decisions = new Map()));
  const before = decisions.get(scope) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const tail = run.catch(() => undefined);
  decisions.set(scope, tail);
  void tail.then(() => {
    if (decisions!.get(scope) === tail) decisions!.delete(scope);
  });
  return run;
};

export function evictPod(ctx: Ctx, req: RequestInfo, eviction: Obj): Promise<WriteResult> {
  return oneAtATime(ctx, req.namespace ?? '', () => evictNow(ctx, req, eviction));
}

async function evictNow(ctx: Ctx, req: RequestInfo, eviction: Obj): Promise<WriteResult> {
  const name = req.name ?? '';
  if (eviction?.metadata?.name !== undefined && eviction.metadata.name !== name) throw badRequest('name in URL does not match name in Eviction object');
  const pod = readStored(ctx, req.resource, req.namespace, name);
  if (!pod) throw notFound(req.resource.plural, req.resource.group, name);
  if (!canIgnoreBudget(pod)) checkBudget(ctx, req, pod);
  const podReq: RequestInfo = { ...req, verb: 'delete', subresource: undefined };
  const options = deleteOptionsOf(podReq, eviction?.deleteOptions ?? undefined);
  await deleteWith(ctx, podReq, options);
  return { code: 201, object: successStatus() };
}

function checkBudget(ctx: Ctx, req: RequestInfo, pod: Obj): void {
  const pdbs = ctx.resources.lookup('policy', 'v1', 'poddisruptionbudgets');
  if (!pdbs) return;
  const matching = readAll(ctx, pdbs, req.namespace).filter((pdb) => budgetSelects(pdb, pod));
  if (matching.length === 0) return;
  if (matching.length > 1) throw new StatusError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = matching[0];
  const budget = computeBudget(pdb, readAll(ctx, req.resource, req.namespace), (ns, owner) => replicasOf(ctx, ns, owner));
  if (!isPodReady(pod)) {
    // an unhealthy pod adds no disruption when the budget is already met
    const always = pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow';
    if (always || (budget.desiredHealthy > 0 && budget.currentHealthy >= budget.desiredHealthy)) return;
  }
  if (budget.disruptionsAllowed > 0) return;
  throw new StatusError(429, 'TooManyRequests', EVICTION_REFUSED, {
    causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${budget.desiredHealthy} healthy pods and has ${budget.currentHealthy} currently` }],
  });
}
