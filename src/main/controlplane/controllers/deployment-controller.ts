// kube-controller-manager's deployment controller: rolls a Deployment's pod template out through
// ReplicaSets it owns (one per template, named <deployment>-<pod-template-hash>), keeps their
// revisions for `kubectl rollout history/undo`, and reports progress for `kubectl rollout status`.
import { controllerOf } from '../../../shared/k8s/objects';
import { keyOf, type Informer, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { claimObjects } from './util/owner-claim';
import { ConflictRetry } from './util/conflict';
import { CONTROLLER_UID_INDEX, ORPHANS_INDEX, OWNER_INDEXERS } from './util/owner-index';
import { selectorMatches } from './util/selector';
import type { SyncState } from './deployment-replicasets';
import { getAllReplicaSets } from './deployment-replicasets';
import { rolloutRecreate } from './deployment-recreate';
import { rolloutRolling } from './deployment-rolling';
import { isScalingEvent, syncScaleOnly } from './deployment-scale';
import { checkPausedConditions, syncDeploymentStatus } from './deployment-status';


export class DeploymentController implements Controller {
  readonly name = 'deployment';
  readonly component = 'deployment-controller';
  readonly workers = 5;
  private ctx!: ControllerContext;
  private readonly conflicts = new ConflictRetry();
  private deployments!: Informer;
  private replicaSets!: Informer;
  private pods!: Informer;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.deployments = ctx.informers.informerFor('apps/v1', 'Deployment');
    this.replicaSets = ctx.informers.informerFor('apps/v1', 'ReplicaSet', OWNER_INDEXERS);
    this.pods = ctx.informers.informerFor('v1', 'Pod', OWNER_INDEXERS);
    this.deployments.addEventHandler({
      onAdd: (d) => ctx.queue.add(keyOf(d)),
      onUpdate: (_old, d) => ctx.queue.add(keyOf(d)),
      onDelete: (d) => ctx.queue.add(keyOf(d)),
    });
    this.replicaSets.addEventHandler({
      onAdd: (rs) => this.enqueueForReplicaSet(rs),
      onUpdate: (old, rs) => {
        if (controllerOf(old)?.uid !== controllerOf(rs)?.uid) this.enqueueForReplicaSet(old);
        this.enqueueForReplicaSet(rs);
      },
      onDelete: (rs) => this.enqueueForReplicaSet(rs),
    });
    // Recreate waits for the last old pod to go.
    this.pods.addEventHandler({ onDelete: (pod) => this.enqueueForPod(pod) });
  }

  reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    return this.conflicts.run(key, () => this.sync(key));
  }

  private async sync(key: string): Promise<void | { requeueAfterMs: number }> {
    const d = this.deployments.lister.get(key);
    if (!d) return;
    const s: SyncState = { client: this.ctx.client, recorder: this.ctx.recorder, clock: this.ctx.clock, d: structuredClone(d), rsList: [], pods: [] };
    const selector = d.spec?.selector ?? {};
    if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
      this.ctx.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      return;
    }
    s.rsList = await this.claimReplicaSets(d);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = await getAllReplicaSets(s, false);
      return void (await syncDeploymentStatus(s, newRS ? [...oldRSs, newRS] : oldRSs, newRS));
    }
    await checkPausedConditions(s);
    if (s.d.spec.paused || (await isScalingEvent(s))) return void (await syncScaleOnly(s));
    let after: number | undefined;
    if (s.d.spec.strategy?.type === 'Recreate') {
      s.pods = s.rsList.flatMap((rs) => this.pods.lister.byIndex(CONTROLLER_UID_INDEX, rs.metadata.uid));
      after = await rolloutRecreate(s);
    } else {
      after = await rolloutRolling(s);
    }
    return after === undefined ? undefined : { requeueAfterMs: after };
  }

  private async claimReplicaSets(d: Obj): Promise<Obj[]> {
    const owned = this.replicaSets.lister.byIndex(CONTROLLER_UID_INDEX, d.metadata.uid);
    const matching = this.replicaSets.lister.byIndex(ORPHANS_INDEX, d.metadata.namespace).filter((rs) => selectorMatches(d.spec.selector, rs.metadata.labels));
    if (matching.length === 0 && owned.every((rs) => selectorMatches(d.spec.selector, rs.metadata.labels))) return [...owned];
    return claimObjects({ client: this.ctx.client, owner: d, owned, matching });
  }

  private enqueueForReplicaSet(rs: Obj): void {
    const ref = controllerOf(rs);
    if (ref) {
      if (ref.kind === 'Deployment') this.ctx.queue.add(`${rs.metadata.namespace}/${ref.name}`);
      return;
    }
    // An orphan wakes the Deployments that could adopt it.
    for (const d of this.deployments.lister.namespace(rs.metadata.namespace).list()) {
      if (selectorMatches(d.spec?.selector, rs.metadata.labels)) this.ctx.queue.add(keyOf(d));
    }
  }

  private enqueueForPod(pod: Obj): void {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.lister.get(`${pod.metadata.namespace}/${ref.name}`);
    const owner = rs && controllerOf(rs);
    if (owner?.kind === 'Deployment' && this.deployments.lister.get(`${pod.metadata.namespace}/${owner.name}`)?.spec?.strategy?.type === 'Recreate') {
      this.ctx.queue.add(`${pod.metadata.namespace}/${owner.name}`);
    }
  }
}

export const deploymentController = (): Controller => new DeploymentController();
