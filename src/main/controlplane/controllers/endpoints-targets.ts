// What the endpoints and endpointslice controllers share: which Services select a pod, which pods
// a Service selects, and the pod port a Service port's targetPort names (number or container port name).
import { keyOf, type Lister, type Obj } from '../client';

const selectorMatches = (selector: Record<string, string>, labels: Record<string, string> | undefined): boolean =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Services with a selector (the others' endpoints are written by hand and left alone) */
export const hasSelector = (svc: Obj): boolean => !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;

/** keys of the Services in the pod's namespace whose selector matches the pod's labels */
export function servicesSelecting(services: Lister, pod: Obj): string[] {
  return services
    .namespace(pod.metadata?.namespace ?? '')
    .list()
    .filter((svc) => hasSelector(svc) && selectorMatches(svc.spec.selector, pod.metadata?.labels))
    .map(keyOf);
}

/** pods the Service sends traffic to: selected, with an IP, not finished */
export function selectedPods(pods: Lister, svc: Obj, includeTerminating: boolean): Obj[] {
  return pods
    .namespace(svc.metadata.namespace)
    .list({ matchLabels: svc.spec.selector })
    .filter((p) => !!p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    .filter((p) => includeTerminating || !p.metadata.deletionTimestamp);
}

export const podReady = (pod: Obj): boolean => (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');

/** the pod's port number for a Service port: targetPort as a number, or the container port of that name */
export function resolveTargetPort(svcPort: Obj, pod: Obj): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  const protocol = svcPort.protocol ?? 'TCP';
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

export const targetRef = (pod: Obj): Obj => ({ kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid });

/** the DNS hostname a pod gets in a headless Service's records (spec.hostname with a matching subdomain) */
export const podHostname = (pod: Obj, svc: Obj): string | undefined => (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name ? pod.spec.hostname : undefined);

/** compares two plain JSON values, key order ignored */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Obj)[k] !== undefined).map((k) => [k, sortKeys((v as Obj)[k])]));
  return v;
}

/** Service and pod handlers that enqueue the Services a change concerns (old and new labels both) */
export function registerServiceAndPodHandlers(services: { addEventHandler: (h: Obj) => unknown; lister: Lister }, pods: { addEventHandler: (h: Obj) => unknown }, add: (key: string) => void): void {
  const svc = (o: Obj): void => add(keyOf(o));
  services.addEventHandler({ onAdd: svc, onUpdate: (_o: Obj, n: Obj) => svc(n), onDelete: svc });
  const pod = (o: Obj): void => servicesSelecting(services.lister, o).forEach(add);
  pods.addEventHandler({
    onAdd: pod,
    onUpdate: (o: Obj, n: Obj) => {
      if (o.metadata.resourceVersion === n.metadata.resourceVersion) return;
      pod(n);
      if (!sameJson(o.metadata.labels, n.metadata.labels)) pod(o);
    },
    onDelete: pod,
  });
}
