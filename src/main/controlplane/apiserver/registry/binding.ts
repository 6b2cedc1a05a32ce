// POST pods/<name>/binding: what kube-scheduler does to place a pod. Sets spec.nodeName once, copies
// the Binding's annotations, and marks PodScheduled=True, as upstream's BindingREST does.
import { badRequest, conflict, StatusError } from '../../../../shared/k8s/status';
import type { Ctx } from './context';
import type { Obj } from './json';
import { timestampOf } from './meta';
import { rewrite, successStatus } from './rewrite';
import type { RequestInfo, WriteResult } from './types';

const checkBinding = (req: RequestInfo, binding: Obj): string => {
  const name = binding?.metadata?.name;
  if (name !== undefined && name !== req.name) throw badRequest('name in URL does not match name in Binding object');
  const target = binding?.target ?? {};
  if (target.kind !== undefined && target.kind !== '' && target.kind !== 'Node') {
    throw new StatusError(422, 'Invalid', `Binding.core "${req.name}" is invalid: target.kind: Not supported: "${target.kind}": supported values: "Node"`);
  }
  if (typeof target.name !== 'string' || target.name === '') {
    throw new StatusError(422, 'Invalid', `Binding.core "${req.name}" is invalid: target.name: Required value`, { kind: 'Binding', name: req.name, causes: [{ reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' }] });
  }
  return target.name;
};

export async function bindPod(ctx: Ctx, req: RequestInfo, binding: Obj): Promise<WriteResult> {
  const nodeName = checkBinding(req, binding);
  const wantUid = binding?.metadata?.uid;
  const now = timestampOf(ctx.clock.now());
  await rewrite(ctx, req.resource, req.namespace, req.name ?? '', (pod) => {
    const meta = pod.metadata;
    // upstream words these as conflicts on pods/binding, which kube-scheduler logs verbatim
    const refuse = (why: string) => conflict('pods/binding', '', meta.name, why);
    if (wantUid && wantUid !== meta.uid) throw refuse(`Precondition failed: UID in precondition: ${wantUid}, UID in object meta: ${meta.uid}`);
    if (meta.deletionTimestamp) throw refuse(`pod ${meta.name} is being deleted, cannot be assigned to a host`);
    if (pod.spec.nodeName) throw refuse(`pod ${meta.name} is already assigned to node "${pod.spec.nodeName}"`);
    pod.spec.nodeName = nodeName;
    const annotations = binding?.metadata?.annotations;
    if (annotations && typeof annotations === 'object') meta.annotations = { ...(meta.annotations ?? {}), ...annotations };
    pod.status = { ...(pod.status ?? {}), conditions: scheduledConditions(pod.status?.conditions ?? [], now) };
    return pod;
  });
  return { code: 201, object: successStatus() };
}

const scheduledConditions = (conditions: Obj[], now: string): Obj[] => {
  const old = conditions.find((c) => c.type === 'PodScheduled');
  const scheduled = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : now };
  return old ? conditions.map((c) => (c === old ? scheduled : c)) : [...conditions, scheduled];
};
