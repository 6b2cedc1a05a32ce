// Owners (from ownerReferences) and children: objects of the common kinds in the same namespace
// whose ownerReferences name this object's uid (a Deployment's ReplicaSets, a ReplicaSet's Pods…).
import type { ObjectRef, ResourceRef } from '../../../shared/bridge/types';
import { resourcePath, type KubeHttp } from '../cache/kube-http';
import { splitApiVersion, type KindResolver } from './kinds';
import { objectPath } from './object-service';

const pods: ResourceRef = { group: '', version: 'v1', plural: 'pods' };

/** which kinds can be children of which */
const CHILDREN: Record<string, ResourceRef[]> = {
  Deployment: [{ group: 'apps', version: 'v1', plural: 'replicasets' }],
  ReplicaSet: [pods],
  StatefulSet: [pods, { group: 'apps', version: 'v1', plural: 'controllerrevisions' }],
  DaemonSet: [pods, { group: 'apps', version: 'v1', plural: 'controllerrevisions' }],
  Job: [pods],
  CronJob: [{ group: 'batch', version: 'v1', plural: 'jobs' }],
  Service: [{ group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices' }],
  ReplicationController: [pods],
};

export class RelatedService {
  constructor(
    private readonly http: KubeHttp,
    private readonly kinds: KindResolver,
  ) {}

  async related(clusterId: string, ref: ObjectRef): Promise<{ owners: ObjectRef[]; children: ObjectRef[] }> {
    const obj = await this.http.json(clusterId, { path: objectPath(ref) });
    const owners = await this.owners(clusterId, obj);
    const children: ObjectRef[] = [];
    for (const r of CHILDREN[obj.kind] ?? []) children.push(...(await this.childrenOf(clusterId, r, obj)));
    return { owners, children };
  }

  private async owners(clusterId: string, obj: any): Promise<ObjectRef[]> {
    const out: ObjectRef[] = [];
    for (const o of obj.metadata?.ownerReferences ?? []) {
      const info = await this.kinds.byKind(clusterId, o.apiVersion, o.kind).catch(() => undefined);
      const { group, version } = splitApiVersion(o.apiVersion);
      out.push({ group, version, plural: info?.plural ?? `${o.kind.toLowerCase()}s`, name: o.name, ...(info?.namespaced !== false && obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}) });
    }
    return out;
  }

  private async childrenOf(clusterId: string, r: ResourceRef, owner: any): Promise<ObjectRef[]> {
    const namespace = owner.metadata?.namespace;
    let list: any;
    try {
      list = await this.http.json(clusterId, { path: resourcePath(r, namespace) });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 403 || code === 404) return [];
      throw err;
    }
    const uid = owner.metadata?.uid;
    const serviceName = owner.kind === 'Service' ? owner.metadata?.name : undefined;
    return (list.items ?? [])
      .filter((c: any) => c.metadata?.ownerReferences?.some((o: any) => o.uid === uid) || (serviceName && c.metadata?.labels?.['kubernetes.io/service-name'] === serviceName))
      .map((c: any) => ({ ...r, name: c.metadata.name, ...(namespace ? { namespace } : {}) }));
  }
}
