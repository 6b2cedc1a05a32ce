// InterPodAffinity's hard half. PreFilter counts, per topology domain: existing pods whose required
// anti-affinity selects the incoming pod, and existing pods selected by the incoming pod's required
// affinity and anti-affinity terms. Filter then reads the node's domains.
import type { CycleState, Status } from '../../framework/types';
import { skip, unresolvable, unschedulable } from '../../framework/status';
import type { NodeInfo } from '../../snapshot/node-info';
import { termMatches, type PodInfo } from '../../snapshot/pod-info';
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

function existingAntiAffinity(snapshot: Snapshot, pod: PodInfo): TopologyCounts {
  const counts = new TopologyCounts();
  for (const node of snapshot.nodes()) {
    if (node.podsWithRequiredAntiAffinity === 0) continue;
    for (const p of node.pods.values()) {
      for (const t of p.requiredAntiAffinity) if (termMatches(t, pod, snapshot.namespaceLabels)) counts.add(t.topologyKey, node, 1);
    }
  }
  return counts;
}

function incomingTerms(snapshot: Snapshot, pod: PodInfo): { affinity: TopologyCounts; anti: TopologyCounts } {
  const affinity = new TopologyCounts();
  const anti = new TopologyCounts();
  const nsLabels = snapshot.namespaceLabels;
  if (pod.requiredAffinity.length + pod.requiredAntiAffinity.length === 0) return { affinity, anti };
  for (const node of snapshot.nodes()) {
    for (const p of node.pods.values()) {
      if (pod.requiredAffinity.length && pod.requiredAffinity.every((t) => termMatches(t, p, nsLabels))) {
        for (const t of pod.requiredAffinity) affinity.add(t.topologyKey, node, 1);
      }
      for (const t of pod.requiredAntiAffinity) if (termMatches(t, p, nsLabels)) anti.add(t.topologyKey, node, 1);
    }
  }
  return { affinity, anti };
}

export function affinityPreFilter(state: CycleState): Status | null {
  const { pod, snapshot } = state;
  const anyExisting = snapshot.nodes().some((n) => n.podsWithRequiredAntiAffinity > 0);
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
