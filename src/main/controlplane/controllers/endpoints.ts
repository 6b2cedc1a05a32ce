// EndpointsController (upstream pkg/controller/endpoint): keeps one core/v1 Endpoints per Service
// with a selector — the selected pods' IPs, ready ones in addresses and the others in
// notReadyAddresses, with the Service's ports resolved per pod (named targetPorts find the
// container port of that name). Services without a selector keep the Endpoints their users write.
import { StatusError } from '../../../shared/k8s/status';
import { keyOf, type Lister, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { hasSelector, podHostname, podReady, registerServiceAndPodHandlers, resolveTargetPort, sameJson, selectedPods, targetRef } from './endpoints-targets';

const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';

interface Subset {
  addresses: Obj[];
  notReadyAddresses: Obj[];
  ports: Obj[];
}

/** the subsets for a Service: pods with the same resolved ports share one subset (upstream's RepackSubsets) */
export function endpointSubsets(svc: Obj, pods: Obj[]): Obj[] {
  const groups = new Map<string, Subset>();
  for (const pod of pods) {
    const ports: Obj[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = resolveTargetPort(sp, pod);
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    // A headless Service without ports still lists its pods' addresses.
    if (!ports.length && (svc.spec.ports ?? []).length) continue;
    const key = JSON.stringify(ports);
    const group = groups.get(key) ?? { addresses: [], notReadyAddresses: [], ports };
    groups.set(key, group);
    const hostname = podHostname(pod, svc);
    const address = { ip: pod.status.podIP, ...(hostname ? { hostname } : {}), ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}), targetRef: targetRef(pod) };
    (podReady(pod) || svc.spec.publishNotReadyAddresses ? group.addresses : group.notReadyAddresses).push(address);
  }
  const byIp = (a: Obj, b: Obj): number => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  return [...groups.values()].map((g) => ({
    ...(g.addresses.length ? { addresses: g.addresses.sort(byIp) } : {}),
    ...(g.notReadyAddresses.length ? { notReadyAddresses: g.notReadyAddresses.sort(byIp) } : {}),
    ...(g.ports.length ? { ports: g.ports } : {}),
  }));
}

export function endpointsLabels(svc: Obj): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [SKIP_MIRROR_LABEL]: 'true' };
  if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return labels;
}

export class EndpointsController implements Controller {
  readonly name = 'endpoints';
  readonly component = 'endpoint-controller';
  readonly workers = 2;
  private ctx!: ControllerContext;
  private services!: Lister;
  private pods!: Lister;
  private endpoints!: Lister;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    const services = ctx.informers.informerFor('v1', 'Service');
    const pods = ctx.informers.informerFor('v1', 'Pod');
    const endpoints = ctx.informers.informerFor('v1', 'Endpoints');
    [this.services, this.pods, this.endpoints] = [services.lister, pods.lister, endpoints.lister];
    registerServiceAndPodHandlers(services, pods, (key) => ctx.queue.add(key));
    endpoints.addEventHandler({ onDelete: (ep: Obj) => this.services.get(keyOf(ep)) && ctx.queue.add(keyOf(ep)) });
  }

  async reconcile(key: string): Promise<void> {
    const svc = this.services.get(key);
    const current = this.endpoints.get(key);
    if (!svc) {
      if (current) await this.ignoreGone(this.ctx.client.delete('v1', 'Endpoints', current.metadata.namespace, current.metadata.name));
      return;
    }
    if (!hasSelector(svc)) return;
    const subsets = endpointSubsets(svc, selectedPods(this.pods, svc, false));
    const labels = endpointsLabels(svc);
    if (current && sameJson(current.subsets ?? [], subsets) && sameJson(current.metadata.labels ?? {}, labels)) return;
    const metadata = { name: svc.metadata.name, namespace: svc.metadata.namespace, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': new Date(this.ctx.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') } };
    const body = { apiVersion: 'v1', kind: 'Endpoints', metadata, subsets };
    if (!current) {
      await this.ignoreGone(this.ctx.client.create(body));
      return;
    }
    await this.ignoreGone(this.ctx.client.update({ ...body, metadata: { ...metadata, resourceVersion: current.metadata.resourceVersion, uid: current.metadata.uid } }));
  }

  /** the namespace or Service went away meanwhile; a conflict (stale cache) is thrown and retried */
  private async ignoreGone(p: Promise<unknown>): Promise<void> {
    try {
      await p;
    } catch (err) {
      if (!(err instanceof StatusError) || err.code !== 404) throw err;
    }
  }
}

export const endpointsController = (): Controller => new EndpointsController();
