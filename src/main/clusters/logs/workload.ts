// What a workload's logs are made of: its pod selector (as a label selector string) and the
// containers of its pod template. Deployment, StatefulSet, DaemonSet, ReplicaSet and Job all keep
// both under spec.
import type { WorkloadKind } from '../../../shared/bridge/methods-logs';
import { BridgeFailure } from '../../engine/bridge/errors';
import type { KubeHttp } from '../cache/kube-http';

const RESOURCE: Record<WorkloadKind, string> = {
  Deployment: 'apis/apps/v1/namespaces/%s/deployments',
  StatefulSet: 'apis/apps/v1/namespaces/%s/statefulsets',
  DaemonSet: 'apis/apps/v1/namespaces/%s/daemonsets',
  ReplicaSet: 'apis/apps/v1/namespaces/%s/replicasets',
  Job: 'apis/batch/v1/namespaces/%s/jobs',
};

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.LabelSelector → kubectl's selector syntax, the labelSelector query parameter */
export function selectorString(sel: LabelSelector | undefined): string {
  const terms = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') terms.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') terms.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') terms.push(e.key);
    else if (e.operator === 'DoesNotExist') terms.push(`!${e.key}`);
    else throw new BridgeFailure('Invalid', `"${e.operator}" is not a valid label selector operator (key "${e.key}")`);
  }
  return terms.join(',');
}

export interface WorkloadPods {
  selector: string;
  containers: { name: string; init?: boolean }[];
}

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return Object.hasOwn(RESOURCE, kind);
}

export async function workloadPods(http: KubeHttp, clusterId: string, namespace: string, kind: WorkloadKind, name: string): Promise<WorkloadPods> {
  if (!isWorkloadKind(kind)) throw new BridgeFailure('BadRequest', `logs of all pods are available for ${Object.keys(RESOURCE).join(', ')}, not "${kind}"`);
  const path = `/${RESOURCE[kind].replace('%s', encodeURIComponent(namespace))}/${encodeURIComponent(name)}`;
  const obj = await http.json(clusterId, { path });
  const selector = selectorString(obj?.spec?.selector);
  // an empty selector would match every pod in the namespace, which is never what "this workload" means
  if (!selector) throw new BridgeFailure('Invalid', `${kind} ${namespace}/${name} has no pod selector`);
  const spec = obj?.spec?.template?.spec ?? {};
  const containers = [
    ...(spec.initContainers ?? []).map((c: { name: string }) => ({ name: c.name, init: true })),
    ...(spec.containers ?? []).map((c: { name: string }) => ({ name: c.name })),
  ];
  return { selector, containers };
}
