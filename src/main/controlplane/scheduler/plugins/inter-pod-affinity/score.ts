// InterPodAffinity's soft half: preferred terms both ways, plus existing pods' required affinity
// towards the incoming pod (hardPodAffinityWeight 1), summed per topology domain.
import type { CycleState, Status } from '../../framework/types';
import { MAX_NODE_SCORE } from '../../framework/types';
import { skip } from '../../framework/status';
import type { NodeInfo } from '../../snapshot/node-info';
import { termMatches, termSelects, type AffinityTerm, type PodInfo } from '../../snapshot/pod-info';
import type { Snapshot } from '../../snapshot/snapshot';
import type { Labels } from '../../api';
import { TopologyCounts } from './topology-counts';

const KEY = 'InterPodAffinity/score';
export const HARD_POD_AFFINITY_WEIGHT = 1;

type NsLabels = (ns: string) => Labels | undefined;

function addTerms(counts: TopologyCounts, node: NodeInfo, terms: AffinityTerm[], target: PodInfo, sign: number, ns: NsLabels, weight?: number): void {
  for (const t of terms) if (termMatches(t, target, ns)) counts.add(t.topologyKey, node, sign * (weight ?? t.weight));
}

/** The incoming pod's preferred terms, over pods grouped by labels (one selector test per group). */
function incomingPreferences(counts: TopologyCounts, snapshot: Snapshot, pod: PodInfo): void {
  const { index, namespaceLabels: ns } = snapshot;
  for (const g of index.labelGroups.values()) {
    for (const t of pod.preferredAffinity) {
      if (termSelects(t, g.namespace, g.labels, ns)) counts.addSource(t.topologyKey, index.countsByKey(g, t.topologyKey), t.weight);
    }
    for (const t of pod.preferredAntiAffinity) {
      if (termSelects(t, g.namespace, g.labels, ns)) counts.addSource(t.topologyKey, index.countsByKey(g, t.topologyKey), -t.weight);
    }
  }
}

export function affinityPreScore(state: CycleState): Status | null {
  const { pod, snapshot } = state;
  const incoming = pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0;
  if (!incoming && snapshot.withAffinity.size === 0) return skip;
  const counts = new TopologyCounts();
  if (incoming) incomingPreferences(counts, snapshot, pod);
  const ns = snapshot.namespaceLabels;
  for (const node of snapshot.withAffinity) {
    for (const existing of node.pods.values()) {
      addTerms(counts, node, existing.requiredAffinity, pod, 1, ns, HARD_POD_AFFINITY_WEIGHT);
      addTerms(counts, node, existing.preferredAffinity, pod, 1, ns);
      addTerms(counts, node, existing.preferredAntiAffinity, pod, -1, ns);
    }
  }
  state.data.set(KEY, counts);
  return null;
}

export function affinityScore(state: CycleState, node: NodeInfo): number {
  return (state.data.get(KEY) as TopologyCounts).sumFor(node);
}

/** Scales [min, max] onto [0, 100]; all-equal scores become 0. */
export function affinityNormalize(_state: CycleState, scores: number[]): void {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_NODE_SCORE * (scores[i] - min)) / diff) : 0;
}
