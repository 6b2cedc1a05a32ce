// The EndpointSlices a Service should have (upstream's reconciler, simplified to a full repack):
// one endpoint per selected pod with ready/serving/terminating conditions, grouped by resolved ports,
// at most 100 endpoints per slice, in a stable order so unchanged pods keep their slice.
import type { Lister, Obj } from '../client';
import { podHostname, podReady, resolveTargetPort, targetRef } from './endpoints-targets';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface DesiredSlice {
  ports: Obj[];
  endpoints: Obj[];
}

function endpointOf(pod: Obj, svc: Obj, nodes: Lister): Obj {
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = podReady(pod);
  const hostname = podHostname(pod, svc);
  const zone = pod.spec?.nodeName ? nodes.get(pod.spec.nodeName)?.metadata?.labels?.['topology.kubernetes.io/zone'] : undefined;
  return {
    addresses: [pod.status.podIP],
    conditions: { ready: ready && !terminating, serving: ready, terminating },
    ...(hostname ? { hostname } : {}),
    targetRef: targetRef(pod),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(zone ? { zone } : {}),
  };
}

export function desiredSlices(svc: Obj, pods: Obj[], nodes: Lister): DesiredSlice[] {
  const groups = new Map<string, DesiredSlice>();
  for (const pod of pods) {
    const ports: Obj[] = (svc.spec.ports ?? []).flatMap((sp: Obj) => {
      const port = resolveTargetPort(sp, pod);
      return port === undefined ? [] : [{ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) }];
    });
    const key = JSON.stringify(ports);
    const group: DesiredSlice = groups.get(key) ?? { ports, endpoints: [] };
    groups.set(key, group);
    group.endpoints.push(endpointOf(pod, svc, nodes));
  }
  const slices: DesiredSlice[] = [];
  for (const g of groups.values()) {
    g.endpoints.sort((a, b) => (a.targetRef.name < b.targetRef.name ? -1 : a.targetRef.name > b.targetRef.name ? 1 : 0));
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) slices.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  // A Service that selects nothing still has one empty slice, as upstream keeps a placeholder.
  if (!slices.length) slices.push({ ports: [], endpoints: [] });
  return slices;
}

export function sliceLabels(svc: Obj): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: MANAGED_BY };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  return labels;
}
