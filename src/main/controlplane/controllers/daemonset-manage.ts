// Per node, what a DaemonSet needs (upstream daemon controller's podsShouldBeOnNode): a pod where
// one should run and none is; failed pods replaced; extra pods removed (the oldest stays, or with
// surge the oldest old and oldest updated pod); pods removed from nodes they may no longer run on.
import type { Obj } from '../client';
import { placementOn, type Placement } from './daemonset-placement';
import { isUpdated } from './daemonset-pods';
import { isTerminating } from './util/pod-health';

export interface NodeState {
  node: Obj;
  placement: Placement;
  /** the DaemonSet's pods for this node, oldest first */
  pods: Obj[];
}

export interface ManagePlan {
  createOnNodes: string[];
  deletePods: Obj[];
  /** failed pods being replaced, reported as FailedDaemonPod */
  failed: Obj[];
}

export function nodeStates(ds: Obj, nodes: Obj[], byNode: Map<string, Obj[]>): NodeState[] {
  return nodes.map((node) => ({ node, placement: placementOn(ds.spec?.template ?? {}, node), pods: byNode.get(node.metadata.name) ?? [] }));
}

function excess(running: Obj[], hash: string, surge: boolean): Obj[] {
  if (running.length <= 1) return [];
  if (!surge) return running.slice(1);
  let keptNew = false;
  let keptOld = false;
  return running.filter((pod) => {
    if (isUpdated(pod, hash) ? !keptNew : !keptOld) {
      if (isUpdated(pod, hash)) keptNew = true;
      else keptOld = true;
      return false;
    }
    return true;
  });
}

export function planManage(states: NodeState[], hash: string, surge: boolean): ManagePlan {
  const plan: ManagePlan = { createOnNodes: [], deletePods: [], failed: [] };
  for (const { node, placement, pods } of states) {
    const live = pods.filter((p) => !isTerminating(p));
    if (placement.shouldRun && pods.length === 0) {
      plan.createOnNodes.push(node.metadata.name);
    } else if (placement.shouldContinueRunning) {
      const failed = live.filter((p) => p.status?.phase === 'Failed');
      plan.failed.push(...failed);
      plan.deletePods.push(...failed);
      const running = live.filter((p) => p.status?.phase !== 'Failed');
      plan.deletePods.push(...excess(running, hash, surge));
    } else {
      plan.deletePods.push(...live);
    }
  }
  return plan;
}
