// kube-controller-manager's replicaset controller: keeps spec.replicas pods of the template running,
// owned by the ReplicaSet, and reports how many are ready and available.
import { controllerOf } from '../../../shared/k8s/objects';
import { keyOf, type Informer, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { Expectations } from './util/expectations';
import { ConflictRetry } from './util/conflict';
import { CONTROLLER_UID_INDEX, ORPHANS_INDEX, OWNER_INDEXERS } from './util/owner-index';
import { claimObjects } from './util/owner-claim';
import { isPodActive, isPodReady } from './util/pods';
import { compileSelector, selectorMatches } from './util/selector';
import { manageReplicas } from './replicaset-manage';
import { calculateReplicaSetStatus, updateReplicaSetStatus } from './replicaset-status';


export class ReplicaSetController implements Controller {
  readonly name = 'replicaset';
  readonly component = 'replicaset-controller';
  readonly workers = 5;
  private ctx!: ControllerContext;
  private readonly conflicts = new ConflictRetry();
  private replicaSets!: Informer;
  private pods!: Informer;
  private expectations!: Expectations;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.expectations = new Expectations(ctx.clock);
    this.replicaSets = ctx.informers.informerFor('apps/v1', 'ReplicaSet', OWNER_INDEXERS);
    this.pods = ctx.informers.informerFor('v1', 'Pod', OWNER_INDEXERS);
    this.replicaSets.addEventHandler({
      onAdd: (rs) => ctx.queue.add(keyOf(rs)),
      onUpdate: (_old, rs) => ctx.queue.add(keyOf(rs)),
      onDelete: (rs) => {
        this.expectations.forget(keyOf(rs));
        ctx.queue.add(keyOf(rs));
      },
    });
    this.pods.addEventHandler({
      onAdd: (pod) => this.onPodAdd(pod),
      onUpdate: (old, pod) => this.onPodUpdate(old, pod),
      onDelete: (pod) => this.onPodDelete(pod),
    });
  }

  reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    return this.conflicts.run(key, () => this.sync(key));
  }

  private async sync(key: string): Promise<void | { requeueAfterMs: number }> {
    const rs = this.replicaSets.lister.get(key);
    if (!rs) {
      this.expectations.forget(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const pods = (await this.claimPods(rs)).filter(isPodActive);
    let manageError: unknown;
    if (needsSync && !rs.metadata.deletionTimestamp) {
      try {
        await manageReplicas({ client: this.ctx.client, recorder: this.ctx.recorder, expectations: this.expectations }, rs, key, pods, () => this.relatedPods(rs, pods));
      } catch (err) {
        manageError = err;
      }
    }
    const status = calculateReplicaSetStatus(rs, pods, manageError, this.ctx.clock.now());
    const updated = await updateReplicaSetStatus(this.ctx.client, rs, status);
    if (manageError) throw manageError;
    const minReady = updated.spec?.minReadySeconds ?? 0;
    const replicas = updated.spec?.replicas ?? 1;
    if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === replicas && (updated.status?.availableReplicas ?? 0) !== replicas) {
      return { requeueAfterMs: minReady * 1000 };
    }
  }

  private async claimPods(rs: Obj): Promise<Obj[]> {
    const owned = this.pods.lister.byIndex(CONTROLLER_UID_INDEX, rs.metadata.uid);
    const matches = compileSelector(rs.spec?.selector);
    const matching = this.pods.lister.byIndex(ORPHANS_INDEX, rs.metadata.namespace).filter((p) => matches(p.metadata.labels));
    if (matching.length === 0 && owned.every((p) => matches(p.metadata.labels))) return owned;
    return claimObjects({ client: this.ctx.client, owner: rs, owned, matching });
  }

  /** active pods of every ReplicaSet with the same owner (a Deployment's old and new ones), or just these */
  private relatedPods(rs: Obj, pods: Obj[]): Obj[] {
    const owner = controllerOf(rs);
    if (!owner) return pods;
    const siblings = this.replicaSets.lister.byIndex(CONTROLLER_UID_INDEX, owner.uid);
    return siblings.flatMap((s) => this.pods.lister.byIndex(CONTROLLER_UID_INDEX, s.metadata.uid)).filter(isPodActive);
  }

  /** the ReplicaSet controlling a pod, if it is one of ours */
  private ownerKey(pod: Obj): string | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const key = `${pod.metadata.namespace}/${ref.name}`;
    return this.replicaSets.lister.get(key)?.metadata.uid === ref.uid ? key : undefined;
  }

  /** orphans wake every ReplicaSet that could adopt them */
  private enqueueMatching(pod: Obj): void {
    for (const rs of this.replicaSets.lister.namespace(pod.metadata.namespace).list()) {
      if (selectorMatches(rs.spec?.selector, pod.metadata.labels)) this.ctx.queue.add(keyOf(rs));
    }
  }

  private onPodAdd(pod: Obj): void {
    if (pod.metadata.deletionTimestamp) return this.onPodDelete(pod);
    const key = this.ownerKey(pod);
    if (key) {
      this.expectations.creationObserved(key);
      this.ctx.queue.add(key);
    } else if (!controllerOf(pod)) this.enqueueMatching(pod);
  }

  private onPodUpdate(old: Obj, pod: Obj): void {
    if (pod.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const labelsChanged = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
    if (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) this.onPodDelete(pod);
    const oldKey = this.ownerKey(old);
    const key = this.ownerKey(pod);
    if (oldKey && oldKey !== key) this.ctx.queue.add(oldKey);
    if (key) {
      this.ctx.queue.add(key);
      const minReady = this.replicaSets.lister.get(key)?.spec?.minReadySeconds ?? 0;
      // A pod that just became ready turns available minReadySeconds later: look again then.
      if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) this.ctx.queue.addAfter(key, minReady * 1000 + 1000);
    } else if (!controllerOf(pod) && (labelsChanged || controllerOf(old))) this.enqueueMatching(pod);
  }

  private onPodDelete(pod: Obj): void {
    const key = this.ownerKey(pod);
    if (!key) return;
    this.expectations.deletionObserved(key, pod.metadata.uid);
    this.ctx.queue.add(key);
  }
}

export const replicaSetController = (): Controller => new ReplicaSetController();
