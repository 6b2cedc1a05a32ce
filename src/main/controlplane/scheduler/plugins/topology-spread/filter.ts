// PodTopologySpread's hard half: whenUnsatisfiable DoNotSchedule. PreFilter counts matching pods per
// domain over eligible nodes; Filter rejects a node whose domain would exceed maxSkew over the minimum.
import type { CycleState, Status } from '../../framework/types';
import { skip, unresolvable, unschedulable } from '../../framework/status';
import type { NodeInfo } from '../../snapshot/node-info';
import { compileConstraints, hasAllKeys, matchingByNode, type Constraint } from './constraints';

export const ERR_REASON_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
export const KEY = 'PodTopologySpread/filter';

interface FilterState {
  constraints: Constraint[];
  counts: Map<string, number>[];
  minMatch: number[];
}

export function spreadPreFilter(state: CycleState): Status | null {
  const constraints = compileConstraints(state.pod.pod, 'DoNotSchedule');
  if (constraints.length === 0) return skip;
  const counts = constraints.map(() => new Map<string, number>());
  // Every eligible domain counts, empty ones included: they set the minimum.
  for (const node of state.snapshot.nodes()) {
    if (!hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      const value = node.labels[c.topologyKey];
      if (c.includes(node) && !counts[i].has(value)) counts[i].set(value, 0);
    });
  }
  constraints.forEach((c, i) => {
    for (const [node, n] of matchingByNode(state.snapshot, c, state.pod)) {
      if (!hasAllKeys(node, constraints) || !c.includes(node)) continue;
      const value = node.labels[c.topologyKey];
      counts[i].set(value, counts[i].get(value)! + n);
    }
  });
  const minMatch = constraints.map((c, i) => {
    if (counts[i].size < c.minDomains) return 0;
    let min = Infinity;
    for (const n of counts[i].values()) if (n < min) min = n;
    return min === Infinity ? 0 : min;
  });
  state.data.set(KEY, { constraints, counts, minMatch } satisfies FilterState);
  return null;
}

export function spreadFilter(state: CycleState, node: NodeInfo): Status | null {
  const s = state.data.get(KEY) as FilterState;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    const value = node.labels[c.topologyKey];
    if (value === undefined) return unresolvable(ERR_REASON_MISSING_LABEL);
    const self = c.selector(state.pod.labels) ? 1 : 0;
    const skew = (s.counts[i].get(value) ?? 0) + self - s.minMatch[i];
    if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS);
  }
  return null;
}
