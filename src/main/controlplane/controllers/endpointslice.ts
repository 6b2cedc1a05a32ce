// EndpointSliceController (upstream pkg/controller/endpointslice): keeps the discovery.k8s.io/v1
// EndpointSlices of every Service with a selector, labelled kubernetes.io/service-name and managed-by
// endpointslice-controller.k8s.io, owned by the Service. Existing slices are rewritten in place,
// extra ones deleted, missing ones created with generateName "<service>-".
import { StatusError } from '../../../shared/k8s/status';
import type { Lister, Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { hasSelector, registerServiceAndPodHandlers, sameJson, selectedPods } from './endpoints-targets';
import { MANAGED_BY, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, desiredSlices, sliceLabels, type DesiredSlice } from './endpointslice-plan';

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice';
  readonly component = 'endpoint-slice-controller';
  readonly workers = 2;
  private ctx!: ControllerContext;
  private services!: Lister;
  private pods!: Lister;
  private slices!: Lister;
  private nodes!: Lister;
  /** slices this controller created that the informer has not shown yet, by Service key */
  private readonly unseen = new Map<string, Set<string>>();

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    const services = ctx.informers.informerFor('v1', 'Service');
    const pods = ctx.informers.informerFor('v1', 'Pod');
    const slices = ctx.informers.informerFor('discovery.k8s.io/v1', 'EndpointSlice');
    this.nodes = ctx.informers.informerFor('v1', 'Node').lister;
    [this.services, this.pods, this.slices] = [services.lister, pods.lister, slices.lister];
    registerServiceAndPodHandlers(services, pods, (key) => ctx.queue.add(key));
    const owner = (s: Obj): void => {
      const svc = s.metadata?.labels?.[SERVICE_NAME_LABEL];
      if (svc && s.metadata.labels[MANAGED_BY_LABEL] === MANAGED_BY) ctx.queue.add(`${s.metadata.namespace}/${svc}`);
    };
    slices.addEventHandler({ onDelete: owner });
  }

  async reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    const [namespace, name] = key.split('/');
    const existing = this.slices.namespace(namespace).list({ matchLabels: { [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY } });
    // Acting on a cache that misses our own last create would create a duplicate (upstream's slice tracker).
    const unseen = this.unseen.get(key);
    if (unseen) {
      for (const s of existing) unseen.delete(s.metadata.name);
      if (unseen.size) return { requeueAfterMs: 50 };
      this.unseen.delete(key);
    }
    const svc = this.services.get(key);
    // Slices of a deleted Service go with it through the garbage collector (they are owned by it);
    // deleting them here too keeps a cluster without the collector tidy.
    const desired = svc && hasSelector(svc) ? desiredSlices(svc, selectedPods(this.pods, svc, true), this.nodes) : [];
    if (svc && !hasSelector(svc)) return;
    const sorted = [...existing].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    for (let i = 0; i < Math.max(sorted.length, desired.length); i++) {
      if (i >= desired.length) await this.remove(sorted[i]);
      else await this.write(key, svc!, desired[i], sorted[i]);
    }
  }

  private async write(key: string, svc: Obj, want: DesiredSlice, current: Obj | undefined): Promise<void> {
    const labels = sliceLabels(svc);
    if (current && sameJson(current.endpoints ?? [], want.endpoints) && sameJson(current.ports ?? [], want.ports) && sameJson(current.metadata.labels, labels)) return;
    const ownerReferences = [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }];
    const body = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', endpoints: want.endpoints, ports: want.ports };
    if (!current) {
      const created = await this.ctx.client.create({ ...body, metadata: { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace, labels, ownerReferences } });
      this.unseen.set(key, (this.unseen.get(key) ?? new Set()).add(created.metadata.name));
      return;
    }
    await this.ctx.client.update({ ...body, metadata: { ...structuredClone(current.metadata), labels, ownerReferences } });
  }

  private async remove(slice: Obj): Promise<void> {
    try {
      await this.ctx.client.delete('discovery.k8s.io/v1', 'EndpointSlice', slice.metadata.namespace, slice.metadata.name);
    } catch (err) {
      if (!(err instanceof StatusError) || err.code !== 404) throw err;
    }
  }
}

export const endpointSliceController = (): Controller => new EndpointSliceController();
