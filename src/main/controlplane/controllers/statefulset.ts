// StatefulSetController (upstream pkg/controller/statefulset): keeps "<set>-<ordinal>" pods with
// their claims, rolls them through ControllerRevisions, and reports status. The pass itself is in
// statefulset-sync.ts, identity in statefulset-identity.ts, status in statefulset-status.ts.
import { controllerOf, type KubeObject } from '../../../shared/k8s/objects';
import { writeStatus } from './util/write-status';
import { byControllerUid, keyOf, type Lister, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { ordinalOf, podRevision } from './statefulset-identity';
import { claimObjects } from './util/owner-claim';
import { syncStatefulSet } from './statefulset-sync';
import { sameStatus, statefulSetStatus } from './statefulset-status';
import { newRevision, nextRevisionNumber, ownedRevisions, resolveUpdateRevision, templatePatchData, truncateHistory } from './util/controller-history';
import { msUntilAvailable } from './util/pod-health';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';
  readonly component = 'statefulset-controller';
  readonly workers = 2;
  private ctx!: ControllerContext;
  private sets!: Lister;
  private pods!: Lister;
  private revisions!: Lister;
  private claims!: Lister;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    const sets = ctx.informers.informerFor('apps/v1', 'StatefulSet');
    const pods = ctx.informers.informerFor('v1', 'Pod', { byControllerUid });
    const revisions = ctx.informers.informerFor('apps/v1', 'ControllerRevision');
    const claims = ctx.informers.informerFor('v1', 'PersistentVolumeClaim');
    [this.sets, this.pods, this.revisions, this.claims] = [sets.lister, pods.lister, revisions.lister, claims.lister];
    const enqueue = (obj: Obj): void => ctx.queue.add(keyOf(obj));
    sets.addEventHandler({ onAdd: enqueue, onUpdate: (_old, obj) => enqueue(obj), onDelete: enqueue });
    const enqueueOwner = (pod: Obj): void => {
      const owner = controllerOf(pod);
      if (owner?.kind === 'StatefulSet') ctx.queue.add(`${pod.metadata.namespace}/${owner.name}`);
    };
    pods.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_old, pod) => enqueueOwner(pod), onDelete: enqueueOwner });
  }

  async reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    const set = this.sets.get(key) as KubeObject | undefined;
    if (!set || set.metadata.deletionTimestamp) return;
    const { client, recorder, clock } = this.ctx;
    const owned = this.pods.byIndex('byControllerUid', set.metadata.uid!).filter((p) => p.metadata.namespace === set.metadata.namespace);
    // Orphans (say, left by `kubectl delete sts --cascade=orphan`) are adopted when their names are the set's.
    const matching = this.pods.namespace(set.metadata.namespace!).list(set.spec.selector).filter((p) => ordinalOf(set, p) !== undefined);
    const pods = await claimObjects({ client, owner: set, owned, matching });
    const history = ownedRevisions(this.revisions, set);
    const candidate = newRevision(set, set.spec.template?.metadata?.labels, templatePatchData(set), nextRevisionNumber(history));
    const { update, collisionCount } = await resolveUpdateRevision(client, history, candidate, set.status?.collisionCount ?? 0);
    const current = history.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    const created = await syncStatefulSet({ client, recorder, claims: this.claims }, { set, pods, current, update });
    const all = [...pods, ...created];
    const status = statefulSetStatus({ set, pods: all, current, update, collisionCount, nowMs: clock.now() });
    if (!sameStatus(set.status, status)) await this.writeStatus(set, status);
    const live = new Set([current.metadata.name, update.metadata.name, ...all.map((p) => podRevision(p) ?? '')]);
    const known = history.some((r) => r.metadata.name === update.metadata.name) ? history : [...history, update];
    await truncateHistory(client, known, live, set.spec.revisionHistoryLimit ?? 10);
    const waits = all.map((p) => msUntilAvailable(p, set.spec.minReadySeconds ?? 0, clock.now())).filter((ms): ms is number => ms !== undefined);
    return waits.length ? { requeueAfterMs: Math.min(...waits) } : undefined;
  }

  private writeStatus(set: Obj, status: Obj): Promise<void> {
    return writeStatus(this.ctx.client, set, status);
  }

}

export const statefulSetController = (): Controller => new StatefulSetController();
