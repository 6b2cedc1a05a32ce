// Opens the logs of an object from the action catalog ("Logs" on a Pod, "Logs of all pods" on a
// workload), in the drawer's action bar and the row context menu alike.
import type { ObjectRef, ResourceKind } from '../../shared/bridge/types';
import type { WorkloadKind } from '../../shared/bridge/methods-logs';
import type { BridgeClient } from '../bridge/client';
import { openLogs } from './dock';
import type { LogTarget } from './useLogStream';

/** the log stream a kind's "Logs" action means, or undefined for kinds without logs */
export function logTargetOf(clusterId: string, kind: ResourceKind, ref: ObjectRef): LogTarget | undefined {
  if (!ref.namespace) return undefined;
  if (kind.kind === 'Pod' && kind.group === '') return { type: 'pod', clusterId, namespace: ref.namespace, pod: ref.name };
  return { type: 'workload', clusterId, namespace: ref.namespace, kind: kind.kind as WorkloadKind, name: ref.name };
}

export function openLogsOf(client: BridgeClient, clusterId: string, kind: ResourceKind, ref: ObjectRef): void {
  const target = logTargetOf(clusterId, kind, ref);
  if (target) openLogs(client, target);
}
