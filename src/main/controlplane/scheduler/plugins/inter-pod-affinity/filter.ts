// InterPodAffinity's hard half. PreFilter counts, per topology domain: existing pods whose required
// anti-affinity selects the incoming pod, and existing pods selected by the incoming pod's required
// affinity and anti-affinity terms. Filter then reads the node's domains.
import type { CycleState, Status } from '../../framework/types';
import { skip, unresolvable, unschedulable } from '../../framework/status';
import type { NodeInfo } from '../../snapshot/node-info';
import { termMatches, termSelects, type PodInfo } from '../../snapshot/pod-info';
import type { Snapshot } from '../../snapshot/snapshot';
import { TopologyCounts } from './topology-counts';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
const KEY = 'InterPodAffinity/filter';

interface FilterState {
  existingAnti: TopologyCounts;
  affinity: TopologyCounts;
  anti: TopologyCounts;
}

/** Existing pods whose required anti-affinity selects the incoming pod, per domain (via the term index). */
function existingAntiAffinity(snapshot: Snapshot, pod: PodInfo): TopologyCounts {
  const counts = new TopologyCounts();
  for (const g of snapshot.index.antiTerms.values()) {
    if (termMatches(g.term, pod, snapshot.namespaceLabels)) counts.addSource(g.term.topologyKey, g.byValue);
  }
  return counts;
}

/** Existing pods selected by the incoming pod's required terms, per domain (via the label-group index). */
function incomingTerms(snapshot: Snapshot, pod: PodInfo): { affinity: TopologyCounts; anti: TopologyCounts } {
  const affinity = new TopologyCounts();
  const anti = new TopologyCounts();
  const ns = snapshot.namespaceLabels;
  if (pod.requiredAffinity.length + pod.requiredAntiAffinity.length === 0) return { affinity, anti };
  const { index } = snapshot;
  for (const g of index.labelGroups.values()) {
    if (pod.requiredAffinity.length && pod.requiredAffinity.every((t) => termSelects(t, g.namespace, g.labels, ns))) {
      for (const t of pod.requiredAffinity) affinity.addSource(t.topologyKey, index.countsByKey(g, t.topologyKey));
    }
    for (const t of pod.requiredAntiAffinity) {
      if (termSelects(t, g.namespace, g.labels, ns)) anti.addSource(t.topologyKey, index.countsByKey(g, t.topologyKey));
    }
  }
  return { affinity, anti };
}

export function affinityPreFilter(state: CycleState): Status | null {
  const { pod, snapshot } = state;
  const anyExisting = snapshot.index.antiTerms.size > 0;
  if (!anyExisting && pod.requiredAffinity.length + pod.requiredAntiAffinity.length === 0) return skip;
  state.data.set(KEY, { existingAnti: existingAntiAffinity(snapshot, pod), ...incomingTerms(snapshot, pod) } satisfies FilterState);
  return null;
}

function satisfiesAffinity(state: CycleState, s: FilterState, node: NodeInfo): boolean {
  const { pod } = state;
  let podsExist = true;
  for (const t of pod.requiredAffinity) {
    const v = node.labels[t.topologyKey];
    if (v === undefined) return false;
    if (s.affinity.get(t.topologyKey, v) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group that selects itself may go anywhere the topology keys exist.
  return s.affinity.empty && pod.requiredAffinity.every((t) => termMatches(t, pod, state.snapshot.namespaceLabels));
}

export function affinityFilter(state: CycleState, node: NodeInfo): Status | null {
  const s = state.data.get(KEY) as FilterState;
  if (!satisfiesAffinity(state, s, node)) return unresolvable(ERR_REASON_AFFINITY);
  for (const t of state.pod.requiredAntiAffinity) {
    if (s.anti.get(t.topologyKey, node.labels[t.topologyKey]) > 0) return unschedulable(ERR_REASON_ANTI_AFFINITY);
  }
  if (s.existingAnti.anyPositive(node)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
  return null;
}
