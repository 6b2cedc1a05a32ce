// DaemonSetController (upstream pkg/controller/daemon): one pod per eligible node, each created with
// node affinity for its node and left to the scheduler to bind; RollingUpdate or OnDelete through
// ControllerRevisions; status per node. Placement rules in daemonset-placement.ts, per-node needs
// in daemonset-manage.ts, the rollout in daemonset-rollout.ts, status in daemonset-status.ts.
import { controllerOf, type KubeObject } from '../../../shared/k8s/objects';
import { writeStatus } from './util/write-status';
import { StatusError } from '../../../shared/k8s/status';
import { byControllerUid, keyOf, type Lister, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { nodeStates, planManage, type NodeState } from './daemonset-manage';
import { newDaemonPod, podsByNode } from './daemonset-pods';
import { planRollout, rolloutLimits } from './daemonset-rollout';
import { PodExpectations } from './daemonset-expectations';
import { daemonSetStatus } from './daemonset-status';
import { sameStatus } from './statefulset-status';
import { newRevision, nextRevisionNumber, ownedRevisions, REVISION_HASH_LABEL, resolveUpdateRevision, templatePatchData, truncateHistory } from './util/controller-history';
import { claimObjects } from './util/owner-claim';
import { msUntilAvailable } from './util/pod-health';

export class DaemonSetController implements Controller {
  readonly name = 'daemonset';
  readonly component = 'daemonset-controller';
  readonly workers = 2;
  private ctx!: ControllerContext;
  private sets!: Lister;
  private pods!: Lister;
  private nodes!: Lister;
  private revisions!: Lister;
  private expectations!: PodExpectations;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.expectations = new PodExpectations(() => ctx.clock.now());
    const sets = ctx.informers.informerFor('apps/v1', 'DaemonSet');
    const pods = ctx.informers.informerFor('v1', 'Pod', { byControllerUid });
    const nodes = ctx.informers.informerFor('v1', 'Node');
    const revisions = ctx.informers.informerFor('apps/v1', 'ControllerRevision');
    [this.sets, this.pods, this.nodes, this.revisions] = [sets.lister, pods.lister, nodes.lister, revisions.lister];
    const enqueue = (obj: Obj): void => ctx.queue.add(keyOf(obj));
    sets.addEventHandler({ onAdd: enqueue, onUpdate: (_old, obj) => enqueue(obj), onDelete: enqueue });
    const enqueueOwner = (pod: Obj): void => {
      const owner = controllerOf(pod);
      if (owner?.kind === 'DaemonSet') ctx.queue.add(`${pod.metadata.namespace}/${owner.name}`);
    };
    pods.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_old, pod) => enqueueOwner(pod), onDelete: enqueueOwner });
    const enqueueAll = (): void => this.sets.list().forEach(enqueue);
    nodes.addEventHandler({
      onAdd: enqueueAll,
      onUpdate: (old, node) => {
        // Heartbeats change only status; placement depends on labels, taints and spec.
        if (JSON.stringify([old.metadata.labels, old.spec]) !== JSON.stringify([node.metadata.labels, node.spec])) enqueueAll();
      },
      onDelete: enqueueAll,
    });
  }

  async reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    const ds = this.sets.get(key) as KubeObject | undefined;
    if (!ds || ds.metadata.deletionTimestamp) return this.expectations.forget(key);
    const { client, clock } = this.ctx;
    const history = ownedRevisions(this.revisions, ds);
    const candidate = newRevision(ds, ds.spec.template?.metadata?.labels, templatePatchData(ds), nextRevisionNumber(history));
    const { update, collisionCount } = await resolveUpdateRevision(client, history, candidate, ds.status?.collisionCount ?? 0);
    const hash: string = update.metadata.labels[REVISION_HASH_LABEL];
    const owned = this.pods.byIndex('byControllerUid', ds.metadata.uid!).filter((p) => p.metadata.namespace === ds.metadata.namespace);
    const pods = await claimObjects({ client, owner: ds, owned, matching: this.pods.namespace(ds.metadata.namespace!).list(ds.spec.selector) });
    const states = nodeStates(ds, this.nodes.list(), podsByNode(pods));
    // The pod events that satisfy the expectations enqueue this set again.
    if (this.expectations.satisfied(key, this.pods, new Set(pods.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.uid)))) {
      const changed = await this.manage(ds, states, hash);
      if (!changed && ds.spec.updateStrategy?.type === 'RollingUpdate') await this.rollOut(ds, states, hash);
    }
    const status = daemonSetStatus(ds, states, hash, clock.now());
    if (collisionCount) status.collisionCount = collisionCount;
    if (!sameStatus(ds.status, status)) await this.writeStatus(ds, status);
    const live = new Set([update.metadata.name, ...history.filter((r) => pods.some((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === r.metadata.labels?.[REVISION_HASH_LABEL])).map((r) => r.metadata.name)]);
    await truncateHistory(client, history, live, ds.spec.revisionHistoryLimit ?? 10);
    const waits = pods.map((p) => msUntilAvailable(p, ds.spec.minReadySeconds ?? 0, clock.now())).filter((ms): ms is number => ms !== undefined);
    return waits.length ? { requeueAfterMs: Math.min(...waits) } : undefined;
  }

  /** creates and deletes what the nodes need; true when it changed anything */
  private async manage(ds: KubeObject, states: NodeState[], hash: string): Promise<boolean> {
    const desired = states.filter((s) => s.placement.shouldRun).length;
    const surge = ds.spec.updateStrategy?.type === 'RollingUpdate' && rolloutLimits(ds, desired).maxSurge > 0;
    const plan = planManage(states, hash, surge);
    for (const pod of plan.failed) {
      this.ctx.recorder.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${pod.spec?.nodeName}, will try to kill it`);
    }
    await this.sync(ds, plan.createOnNodes, plan.deletePods, hash);
    return plan.createOnNodes.length + plan.deletePods.length > 0;
  }

  private async rollOut(ds: KubeObject, states: NodeState[], hash: string): Promise<void> {
    const eligible = states.filter((s) => s.placement.shouldRun);
    const nodePods = new Map(eligible.map((s) => [s.node.metadata.name as string, s.pods]));
    const plan = planRollout({ ds, hash, nodePods, desired: eligible.length, nowMs: this.ctx.clock.now() });
    await this.sync(ds, plan.createOnNodes, plan.deletePods, hash);
  }

  private async sync(ds: KubeObject, createOn: string[], remove: Obj[], hash: string): Promise<void> {
    const { client, recorder } = this.ctx;
    const key = keyOf(ds);
    this.expectations.expect(key, ds.metadata.namespace!, [], remove.map((p) => p.metadata.uid));
    for (const node of createOn) {
      try {
        const pod = await client.create(newDaemonPod(ds, hash, node));
        this.expectations.expect(key, ds.metadata.namespace!, [pod.metadata.name], []);
        recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      } catch (err) {
        recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${(err as Error).message}`);
        throw err;
      }
    }
    for (const pod of remove) {
      try {
        await client.delete('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, { preconditions: { uid: pod.metadata.uid } });
        recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (err) {
        if (!(err instanceof StatusError && (err.code === 404 || err.code === 409))) throw err;
      }
    }
  }

  private writeStatus(ds: Obj, status: Obj): Promise<void> {
    return writeStatus(this.ctx.client, ds, status);
  }

}

export const daemonSetController = (): Controller => new DaemonSetController();
