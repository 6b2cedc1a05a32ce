// What a namespace uses, for the names a ResourceQuota can limit (upstream's quota evaluators):
// object counts, pod compute requests/limits, and persistent volume claim storage.
import { quantityMilliValueOr, quantityValueOr } from '../../../shared/k8s/quantity';
import type { Obj } from '../client';

/** the core kinds whose counts have short names, and which the controller watches */
export const COUNTED: Record<string, { apiVersion: string; kind: string }> = {
  pods: { apiVersion: 'v1', kind: 'Pod' },
  services: { apiVersion: 'v1', kind: 'Service' },
  configmaps: { apiVersion: 'v1', kind: 'ConfigMap' },
  secrets: { apiVersion: 'v1', kind: 'Secret' },
  persistentvolumeclaims: { apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
  replicationcontrollers: { apiVersion: 'v1', kind: 'ReplicationController' },
  resourcequotas: { apiVersion: 'v1', kind: 'ResourceQuota' },
};

const isTerminalPod = (pod: Obj): boolean => ['Succeeded', 'Failed'].includes(pod.status?.phase);

/** a pod's effective request/limit of one resource: max(sum of containers, largest init container), plus overhead */
function podAmount(pod: Obj, field: 'requests' | 'limits', resource: string, milli: boolean): number {
  const read = (c: Obj) => (milli ? quantityMilliValueOr : quantityValueOr)(c.resources?.[field]?.[resource], 0);
  const sum = (pod.spec?.containers ?? []).reduce((n: number, c: Obj) => n + read(c), 0);
  const init = Math.max(0, ...(pod.spec?.initContainers ?? []).map(read));
  const overhead = (milli ? quantityMilliValueOr : quantityValueOr)(pod.spec?.overhead?.[resource], 0);
  return Math.max(sum, init) + overhead;
}

export function formatMilli(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

export function formatBytes(n: number): string {
  if (n === 0) return '0';
  for (const [suffix, size] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (n % size === 0) return `${n / size}${suffix}`;
  }
  for (const [suffix, size] of [['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) if (n % size === 0) return `${n / size}${suffix}`;
  return String(n);
}

/** the used amount for one quota name, or undefined if it is not a name this evaluates from pods/PVCs/core counts */
export function usageOf(name: string, objects: (plural: string) => Obj[]): string | undefined {
  const pods = () => objects('pods').filter((p) => !isTerminalPod(p));
  const compute = /^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$/.exec(name);
  if (compute) {
    const field = compute[1] === 'limits.' ? 'limits' : 'requests';
    const milli = compute[2] === 'cpu';
    const total = pods().reduce((n, p) => n + podAmount(p, field, compute[2], milli), 0);
    return milli ? formatMilli(total) : formatBytes(total);
  }
  if (name === 'requests.storage') return formatBytes(objects('persistentvolumeclaims').reduce((n, c) => n + quantityValueOr(c.spec?.resources?.requests?.storage, 0), 0));
  if (name === 'services.nodeports') return String(objects('services').reduce((n, s) => n + (['NodePort', 'LoadBalancer'].includes(s.spec?.type) ? (s.spec?.ports ?? []).length : 0), 0));
  if (name === 'services.loadbalancers') return String(objects('services').filter((s) => s.spec?.type === 'LoadBalancer').length);
  const plural = name.startsWith('count/') ? name.slice(6) : name;
  if (!(plural in COUNTED)) return undefined;
  return String(plural === 'pods' ? pods().length : objects(plural).length);
}
