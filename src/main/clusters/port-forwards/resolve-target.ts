// Where a forward's connections go, as kubectl port-forward decides it: a pod's port by number or
// by container port name; a Service's port (number or name) → a running, ready pod behind its
// selector → the port's targetPort (a number, a container port name, or the port itself).
import { CoreV1Api, type KubeConfig, type V1Pod, type V1Service } from '@kubernetes/client-node';
import type { PortForwardSpec } from '../../../shared/bridge/methods-terminals';

export interface ResolvedTarget {
  pod: string;
  podPort: number;
}

export class TargetError extends Error {}

export async function resolveTarget(kc: KubeConfig, spec: PortForwardSpec): Promise<ResolvedTarget> {
  const api = kc.makeApiClient(CoreV1Api);
  const { namespace, target } = spec;
  if (target.kind === 'pod') {
    const pod = await read(() => api.readNamespacedPod({ namespace, name: target.name }), `pod ${namespace}/${target.name}`);
    return { pod: target.name, podPort: podPort(running(pod), spec.port) };
  }
  const svc = await read(() => api.readNamespacedService({ namespace, name: target.name }), `service ${namespace}/${target.name}`);
  const port = servicePort(svc, spec.port);
  const selector = svc.spec?.selector;
  if (!selector || !Object.keys(selector).length) throw new TargetError(`invalid service '${target.name}': Service is defined without a selector`);
  const labelSelector = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
  const pods = (await api.listNamespacedPod({ namespace, labelSelector })).items;
  const pod = pods.filter((p) => !p.metadata?.deletionTimestamp).sort(byReadiness)[0];
  if (!pod || !isReady(pod)) throw new TargetError(`no running, ready pod behind service ${namespace}/${target.name} (selector ${labelSelector})`);
  const tp = port.targetPort ?? port.port;
  return { pod: pod.metadata!.name!, podPort: podPort(pod, typeof tp === 'number' ? tp : /^\d+$/.test(tp) ? Number(tp) : tp) };
}

async function read<T>(get: () => Promise<T>, what: string): Promise<T> {
  try {
    return await get();
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (code === 404) throw new TargetError(`${what} not found`);
    throw err;
  }
}

function running(pod: V1Pod): V1Pod {
  const phase = pod.status?.phase ?? 'Unknown';
  if (phase !== 'Running') throw new TargetError(`unable to forward port because pod ${pod.metadata?.name} is not running. Current status=${phase}`);
  return pod;
}

function podPort(pod: V1Pod, port: number | string): number {
  if (typeof port === 'number') {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new TargetError(`port ${port} is not a valid port number (1-65535)`);
    return port;
  }
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === port) return p.containerPort;
  throw new TargetError(`Pod '${pod.metadata?.name}' does not have a named port '${port}'`);
}

function servicePort(svc: V1Service, port: number | string) {
  const found = (svc.spec?.ports ?? []).find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
  if (!found) throw new TargetError(`Service ${svc.metadata?.name} does not have a service port ${port}`);
  return found;
}

function isReady(pod: V1Pod): boolean {
  return pod.status?.phase === 'Running' && !!pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** ready pods first, then running ones, then the newest, as kubectl's pod picking prefers */
function byReadiness(a: V1Pod, b: V1Pod): number {
  const score = (p: V1Pod) => (isReady(p) ? 2 : 0) + (p.status?.phase === 'Running' ? 1 : 0);
  return score(b) - score(a) || String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? ''));
}
