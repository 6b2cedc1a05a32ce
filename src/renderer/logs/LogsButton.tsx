// "Logs" on a Pod's drawer, "Logs of all pods" on a workload's: opens a tab in the logs dock.
import type { ObjectRef, ResourceKind } from '../../shared/bridge/types';
import type { WorkloadKind } from '../../shared/bridge/methods-logs';
import { useBridge } from '../bridge/context';
import { openLogs } from './dock';

const WORKLOADS = new Set<string>(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet']);

export function LogsButton({ clusterId, kind, target }: { clusterId: string; kind: ResourceKind; target: ObjectRef }) {
  const client = useBridge();
  if (!target.namespace) return null;
  const namespace = target.namespace;
  if (kind.kind === 'Pod' && kind.group === '')
    return (
      <button onClick={() => openLogs(client, { type: 'pod', clusterId, namespace, pod: target.name })} title="Show this pod's log (follows new lines)">
        Logs
      </button>
    );
  if (WORKLOADS.has(kind.kind) && (kind.group === 'apps' || kind.group === 'batch'))
    return (
      <button onClick={() => openLogs(client, { type: 'workload', clusterId, namespace, kind: kind.kind as WorkloadKind, name: target.name })} title="Every pod's log, merged by time and labelled by pod">
        Logs of all pods
      </button>
    );
  return null;
}
