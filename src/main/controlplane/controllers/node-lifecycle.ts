// NodeLifecycleController (upstream pkg/controller/nodelifecycle): watches node heartbeats (Leases in
// kube-node-lease); a node silent for the grace period gets Unknown conditions and its pods
// Ready=False; Ready Unknown/False nodes get the unreachable/not-ready taints; and, as the taint
// manager, pods on a node with NoExecute taints are deleted once their tolerations run out.
import { StatusError } from '../../../shared/k8s/status';
import { byNodeName, timestamp, type Lister, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { NODE_MONITOR_GRACE_MS, evictionAtMs, lastHeartbeatMs, readyCondition, reconcileTaints, unknownConditions } from './node-lifecycle-health';

const MONITOR_PERIOD_MS = 5_000;

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle';
  readonly component = 'node-controller';
  readonly workers = 2;
  readonly tick = { intervalMs: MONITOR_PERIOD_MS, run: async () => this.monitor() };
  private ctx!: ControllerContext;
  private nodes!: Lister;
  private leases!: Lister;
  private pods!: Lister;
  private startedMs = 0;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.startedMs = ctx.clock.now();
    const nodes = ctx.informers.informerFor('v1', 'Node');
    const pods = ctx.informers.informerFor('v1', 'Pod', { byNodeName });
    this.leases = ctx.informers.informerFor('coordination.k8s.io/v1', 'Lease').lister;
    [this.nodes, this.pods] = [nodes.lister, pods.lister];
    const enqueue = (n: Obj): void => ctx.queue.add(n.metadata.name);
    nodes.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });
    // A pod landing on a node with NoExecute taints may have to go.
    const onPod = (p: Obj): void => {
      const node = p.spec?.nodeName ? this.nodes.get(p.spec.nodeName) : undefined;
      if (node?.spec?.taints?.some((t: Obj) => t.effect === 'NoExecute')) ctx.queue.add(node.metadata.name);
    };
    pods.addEventHandler({ onAdd: onPod, onUpdate: (_o, p) => onPod(p) });
  }

  /** node-monitor-period: looks at every node's heartbeat (cheap: no writes unless one went silent) */
  private async monitor(): Promise<void> {
    const now = this.ctx.clock.now();
    for (const node of this.nodes.list()) {
      if (readyCondition(node)?.status !== 'Unknown' && this.silentSince(node) + NODE_MONITOR_GRACE_MS <= now) this.ctx.queue.add(node.metadata.name);
    }
  }

  private silentSince(node: Obj): number {
    // Heartbeats from before this controller started do not count against the node: after a restart
    // of the whole cluster every kubelet gets a fresh grace period, as upstream's probe timestamps do.
    return Math.max(lastHeartbeatMs(node, this.leases.get(`kube-node-lease/${node.metadata.name}`)), this.startedMs);
  }

  async reconcile(name: string): Promise<void | { requeueAfterMs: number }> {
    let node = this.nodes.get(name);
    if (!node) return;
    const now = this.ctx.clock.now();
    if (readyCondition(node)?.status !== 'Unknown' && this.silentSince(node) + NODE_MONITOR_GRACE_MS <= now) node = await this.markUnknown(node, now);
    const taints = reconcileTaints(node, timestamp(now));
    if (taints) node = await this.ctx.client.update({ ...structuredClone(node), spec: { ...node.spec, taints } });
    return this.evict(node, now);
  }

  private async markUnknown(node: Obj, now: number): Promise<Obj> {
    const updated = await this.ctx.client.updateStatus({ ...structuredClone(node), status: { ...node.status, conditions: unknownConditions(node, timestamp(now)) } });
    this.ctx.recorder.event(node, 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`);
    for (const pod of this.pods.byIndex('byNodeName', node.metadata.name)) await this.markPodNotReady(pod, now);
    return updated;
  }

  private async markPodNotReady(pod: Obj, now: number): Promise<void> {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    const conditions = structuredClone(pod.status?.conditions ?? []) as Obj[];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') return;
    Object.assign(ready, { status: 'False', lastTransitionTime: timestamp(now) });
    try {
      await this.ctx.client.updateStatus({ ...structuredClone(pod), status: { ...pod.status, conditions } });
      this.ctx.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    } catch (err) {
      if (!(err instanceof StatusError) || (err.code !== 404 && err.code !== 409)) throw err;
    }
  }

  /** deletes pods whose tolerations ran out; returns when to look again for the next one */
  private async evict(node: Obj, now: number): Promise<void | { requeueAfterMs: number }> {
    const taints = node.spec?.taints ?? [];
    let next: number | undefined;
    for (const pod of this.pods.byIndex('byNodeName', node.metadata.name)) {
      if (pod.metadata.deletionTimestamp) continue;
      const at = evictionAtMs(pod, taints, now);
      if (at === undefined) continue;
      if (at > now) {
        next = next === undefined ? at : Math.min(next, at);
        continue;
      }
      this.ctx.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
      try {
        await this.ctx.client.delete('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, { preconditions: { uid: pod.metadata.uid } });
      } catch (err) {
        if (!(err instanceof StatusError) || (err.code !== 404 && err.code !== 409)) throw err;
      }
    }
    return next === undefined ? undefined : { requeueAfterMs: next - now };
  }
}

export const nodeLifecycleController = (): Controller => new NodeLifecycleController();
