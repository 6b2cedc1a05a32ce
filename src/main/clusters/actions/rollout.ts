// Revisions and rollback, as kubectl rollout history/undo: a Deployment's revisions are its
// ReplicaSets (annotation deployment.kubernetes.io/revision); StatefulSets' and DaemonSets' are
// ControllerRevisions. Undo puts the chosen revision's pod template back.
import type { ObjectRef } from '../../../shared/bridge/types';
import { BridgeFailure } from '../../engine/bridge/errors';
import { resourcePath, type KubeHttp } from '../cache/kube-http';
import { objectPath } from '../objects/object-service';
import { retryOnConflict } from './workload-actions';

export interface Revision {
  revision: number;
  changeCause?: string;
  created: string;
  template: Record<string, any>;
}

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const fromReplicaSet = (rs: any): Revision => {
  const template = structuredClone(rs.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  return { revision: Number(rs.metadata.annotations?.[REVISION] ?? 0), changeCause: rs.metadata.annotations?.[CHANGE_CAUSE], created: rs.metadata.creationTimestamp, template };
};

const fromControllerRevision = (cr: any): Revision => {
  const template = structuredClone(cr.data?.spec?.template ?? {});
  delete template.$patch;
  return { revision: Number(cr.revision ?? 0), changeCause: cr.metadata.annotations?.[CHANGE_CAUSE], created: cr.metadata.creationTimestamp, template };
};

export class RolloutActions {
  constructor(private readonly http: KubeHttp) {}

  async revisions(clusterId: string, ref: ObjectRef): Promise<Revision[]> {
    const owner = await this.http.json(clusterId, { path: objectPath(ref) });
    const deployment = owner.kind === 'Deployment';
    if (!deployment && owner.kind !== 'StatefulSet' && owner.kind !== 'DaemonSet') throw new BridgeFailure('BadRequest', `${owner.kind} has no revisions to roll back to`);
    const plural = deployment ? 'replicasets' : 'controllerrevisions';
    const list = await this.http.json(clusterId, { path: resourcePath({ group: 'apps', version: 'v1', plural }, ref.namespace) });
    const mine = (list.items ?? []).filter((o: any) => o.metadata.ownerReferences?.some((r: any) => r.uid === owner.metadata.uid));
    return mine.map(deployment ? fromReplicaSet : fromControllerRevision).sort((a: Revision, b: Revision) => a.revision - b.revision);
  }

  /** to the given revision, or to the one before the newest (kubectl rollout undo) */
  async rollback(clusterId: string, ref: ObjectRef, revision?: number): Promise<void> {
    const all = await this.revisions(clusterId, ref);
    const newest = all.at(-1)?.revision ?? 0;
    const target = revision !== undefined ? all.find((r) => r.revision === revision) : all.filter((r) => r.revision < newest).at(-1);
    if (!target) throw new BridgeFailure('NotFound', revision !== undefined ? `no revision ${revision} of ${ref.plural}/${ref.name}` : `${ref.plural}/${ref.name} has no earlier revision to roll back to`);
    const patch = [{ op: 'replace', path: '/spec/template', value: target.template }];
    await retryOnConflict(() => this.http.request(clusterId, { method: 'PATCH', path: objectPath(ref), contentType: 'application/json-patch+json', body: patch }));
  }
}
