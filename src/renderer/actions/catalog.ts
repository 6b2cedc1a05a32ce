// Which actions a kind offers, and the access check that decides whether each is allowed.
// Pure data so the details panel and the row context menu show the same list.
import type { AccessCheck, ObjectRef, ResourceKind } from '../../shared/bridge/types';

export type ActionId = 'logs' | 'edit' | 'delete' | 'scale' | 'restart' | 'rollback' | 'cordon' | 'uncordon' | 'drain' | 'trigger' | 'suspend' | 'resume';

export interface ActionDef {
  id: ActionId;
  label: string;
  /** asks for confirmation in a dialog that names the object */
  destructive: boolean;
  check: AccessCheck;
}

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);
const RESTARTABLE = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const LOGGED_WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet']);

function check(kind: ResourceKind, ref: ObjectRef, verb: string, subresource?: string): AccessCheck {
  return { verb, group: kind.group, resource: kind.plural, namespace: ref.namespace, name: ref.name, ...(subresource ? { subresource } : {}) };
}

/** `object` (when known) picks cordon vs uncordon and suspend vs resume; without it both are listed. */
export function actionsFor(kind: ResourceKind, ref: ObjectRef, object?: Record<string, unknown>): ActionDef[] {
  const spec = (object?.spec ?? {}) as Record<string, unknown>;
  const known = object !== undefined;
  const out: ActionDef[] = [];
  const add = (id: ActionId, label: string, destructive: boolean, c: AccessCheck) => out.push({ id, label, destructive, check: c });
  const patch = check(kind, ref, 'patch');
  // logs open in the logs dock (src/renderer/logs): a Pod's own, or every pod of a workload
  const logs = { verb: 'get', group: '', resource: 'pods', subresource: 'log', namespace: ref.namespace };
  if (kind.kind === 'Pod' && kind.group === '') add('logs', 'Logs', false, { ...logs, name: ref.name });
  if (LOGGED_WORKLOADS.has(kind.kind) && (kind.group === 'apps' || kind.group === 'batch')) add('logs', 'Logs of all pods', false, logs);
  if (kind.verbs.includes('patch') || kind.verbs.includes('update')) add('edit', 'Edit', false, patch);
  if (SCALABLE.has(kind.kind)) add('scale', 'Scale', false, check(kind, ref, 'patch', 'scale'));
  if (RESTARTABLE.has(kind.kind)) {
    add('restart', 'Restart', true, patch);
    add('rollback', 'Roll back', true, patch);
  }
  if (kind.kind === 'Node') {
    if (!known || !spec.unschedulable) add('cordon', 'Cordon', false, patch);
    if (!known || spec.unschedulable) add('uncordon', 'Uncordon', false, patch);
    add('drain', 'Drain', true, { verb: 'create', group: '', resource: 'pods', subresource: 'eviction' });
  }
  if (kind.kind === 'CronJob') add('trigger', 'Trigger now', false, { verb: 'create', group: 'batch', resource: 'jobs', namespace: ref.namespace });
  if (kind.kind === 'CronJob' || kind.kind === 'Job') {
    if (!known || !spec.suspend) add('suspend', 'Suspend', kind.kind === 'Job', patch);
    if (kind.kind === 'CronJob' && (!known || spec.suspend)) add('resume', 'Resume', false, patch);
    if (kind.kind === 'Job' && known && spec.suspend) add('resume', 'Resume', false, patch);
  }
  if (kind.verbs.includes('delete')) add('delete', 'Delete', true, check(kind, ref, 'delete'));
  return out;
}
