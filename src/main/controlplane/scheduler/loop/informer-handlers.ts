// Informer events → snapshot and queue. Assigned pods feed the snapshot; pending pods this scheduler
// owns feed the queue; each change that may free room or satisfy a constraint wakes parked pods.
import type { EventHandlers } from '../../client/handlers';
import type { Node, Pod } from '../api';
import type { Snapshot } from '../snapshot/snapshot';
import type { SchedulingQueue } from '../queue/scheduling-queue';
import { newPodInfo, podKey } from '../snapshot/pod-info';

const finished = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** A pending pod this scheduler should place: unbound, ours by name, not terminating or finished. */
export function isPendingFor(schedulerName: string, p: Pod): boolean {
  return !p.spec.nodeName && (p.spec.schedulerName ?? 'default-scheduler') === schedulerName && !p.metadata.deletionTimestamp && !finished(p);
}

/** Node updates that can change a scheduling decision; heartbeats and condition churn are not among them. */
export function nodeChangeMatters(a: Node, b: Node): boolean {
  const view = (n: Node) =>
    JSON.stringify([n.metadata.labels, n.spec?.unschedulable, n.spec?.taints, n.status?.allocatable, n.status?.images?.length]);
  return view(a) !== view(b);
}

/** Status-only writes (including our own PodScheduled condition) must not wake a parked pod. */
export function podSpecChanged(a: Pod, b: Pod): boolean {
  return JSON.stringify([a.metadata.labels, a.spec]) !== JSON.stringify([b.metadata.labels, b.spec]);
}

export function podHandlers(schedulerName: string, snapshot: Snapshot, queue: SchedulingQueue): EventHandlers {
  const onAdd = (obj: Record<string, any>) => {
    const p = obj as Pod;
    if (p.spec.nodeName) {
      snapshot.upsertPod(p);
      queue.moveAllToActiveOrBackoff('AssignedPodAdd');
    } else if (isPendingFor(schedulerName, p)) queue.add(newPodInfo(p));
  };
  return {
    onAdd,
    onUpdate(oldObj, newObj) {
      const [old, p] = [oldObj as Pod, newObj as Pod];
      if (p.spec.nodeName) {
        queue.delete(podKey(p));
        snapshot.upsertPod(p);
        // A pod that finished frees everything it held, ports included, as if it were deleted.
        const event = finished(p) ? 'AssignedPodDelete' : old.spec.nodeName ? 'AssignedPodUpdate' : 'AssignedPodAdd';
        queue.moveAllToActiveOrBackoff(event);
      } else if (!isPendingFor(schedulerName, p)) queue.delete(podKey(p));
      else if (!queue.has(podKey(p)) || podSpecChanged(old, p)) queue.add(newPodInfo(p));
    },
    onDelete(obj) {
      const p = obj as Pod;
      queue.delete(podKey(p));
      if (snapshot.removePod(podKey(p))) queue.moveAllToActiveOrBackoff('AssignedPodDelete');
    },
  };
}

export function nodeHandlers(snapshot: Snapshot, queue: SchedulingQueue): EventHandlers {
  return {
    onAdd(obj) {
      snapshot.upsertNode(obj as Node);
      queue.moveAllToActiveOrBackoff('NodeAdd');
    },
    onUpdate(oldObj, newObj) {
      snapshot.upsertNode(newObj as Node);
      if (nodeChangeMatters(oldObj as Node, newObj as Node)) queue.moveAllToActiveOrBackoff('NodeUpdate');
    },
    onDelete(obj) {
      snapshot.removeNode((obj as Node).metadata.name ?? '');
    },
  };
}

export function namespaceHandlers(snapshot: Snapshot, queue: SchedulingQueue): EventHandlers {
  const set = (obj: Record<string, any>) => {
    snapshot.setNamespace(obj.metadata.name, obj.metadata.labels);
    queue.moveAllToActiveOrBackoff('NamespaceChange');
  };
  return { onAdd: set, onUpdate: (_o, n) => set(n), onDelete: (obj) => snapshot.removeNamespace(obj.metadata.name) };
}
