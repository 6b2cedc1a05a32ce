// Which pods a ReplicaSet deletes first when it has too many, as upstream's ActivePodsWithRanks:
// unscheduled before scheduled, Pending before Unknown before Running, not ready before ready, pods
// doubled up on a node with their siblings before lone ones, ready for less time before longer,
// more restarts before fewer, newer before older.
import type { Obj } from '../../client';
import { isPodReady, readyCondition, restartCount } from './pods';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** pods sorted so the first ones are the best to delete; `related` are the sibling ReplicaSets' pods too */
export function podsToDelete(pods: Obj[], related: Obj[], count: number): Obj[] {
  const perNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec?.nodeName;
    if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const rank = (p: Obj): number => (p.spec?.nodeName ? (perNode.get(p.spec.nodeName) ?? 0) : 0);
  return [...pods].sort((a, b) => compareForDeletion(a, b, rank)).slice(0, count);
}

function compareForDeletion(a: Obj, b: Obj, rank: (p: Obj) => number): number {
  const assigned = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
  if (assigned) return assigned;
  const phase = (PHASE_ORDER[a.status?.phase ?? 'Pending'] ?? 0) - (PHASE_ORDER[b.status?.phase ?? 'Pending'] ?? 0);
  if (phase) return phase;
  const ready = Number(isPodReady(a)) - Number(isPodReady(b));
  if (ready) return ready;
  const ranks = rank(b) - rank(a);
  if (ranks) return ranks;
  if (isPodReady(a) && isPodReady(b)) {
    const since = time(readyCondition(b)?.lastTransitionTime) - time(readyCondition(a)?.lastTransitionTime);
    if (since) return since;
  }
  const restarts = restartCount(b) - restartCount(a);
  if (restarts) return restarts;
  return time(b.metadata?.creationTimestamp) - time(a.metadata?.creationTimestamp);
}

const time = (t: string | undefined): number => (t ? Date.parse(t) || 0 : 0);
