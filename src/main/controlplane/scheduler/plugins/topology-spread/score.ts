// PodTopologySpread's soft half: whenUnsatisfiable ScheduleAnyway. Fewer matching pods in a node's
// domains scores higher; each constraint is weighted by log(number of domains + 2), as upstream.
import type { CycleState, Status } from '../../framework/types';
import { MAX_NODE_SCORE } from '../../framework/types';
import { skip } from '../../framework/status';
import type { NodeInfo } from '../../snapshot/node-info';
import { compileConstraints, countMatching, hasAllKeys, HOSTNAME, systemDefaultConstraints, type Constraint } from './constraints';

const KEY = 'PodTopologySpread/score';

interface ScoreState {
  constraints: Constraint[];
  counts: Map<string, number>[];
  weights: number[];
  ignored: Set<string>;
}

/** Upstream: system default constraints do not require every topology key on a node. */
const keysOk = (node: NodeInfo, constraints: Constraint[], requireAll: boolean): boolean => !requireAll || hasAllKeys(node, constraints);

export function spreadPreScore(state: CycleState, feasible: NodeInfo[]): Status | null {
  let constraints = compileConstraints(state.pod.pod, 'ScheduleAnyway');
  const requireAll = !!state.pod.pod.spec.topologySpreadConstraints?.length;
  if (!requireAll) constraints = systemDefaultConstraints(state.pod.pod, state.snapshot.spreadSelector);
  if (constraints.length === 0) return skip;
  const ignored = new Set<string>();
  const counts = constraints.map(() => new Map<string, number>());
  const sizes = constraints.map(() => 0);
  for (const node of feasible) {
    if (!keysOk(node, constraints, requireAll)) {
      ignored.add(node.name);
      continue;
    }
    constraints.forEach((c, i) => {
      const v = node.labels[c.topologyKey];
      if (v === undefined) return;
      if (c.topologyKey === HOSTNAME) sizes[i]++;
      else if (!counts[i].has(v)) counts[i].set(v, 0);
    });
  }
  constraints.forEach((c, i) => {
    if (c.topologyKey !== HOSTNAME) sizes[i] = counts[i].size;
  });
  for (const node of state.snapshot.nodes()) {
    if (!keysOk(node, constraints, requireAll)) continue;
    constraints.forEach((c, i) => {
      const v = node.labels[c.topologyKey];
      if (v === undefined || c.topologyKey === HOSTNAME || !counts[i].has(v) || !c.includes(node)) return;
      counts[i].set(v, counts[i].get(v)! + countMatching(node, c, state.pod));
    });
  }
  const weights = sizes.map((n) => Math.log(n + 2));
  state.data.set(KEY, { constraints, counts, weights, ignored } satisfies ScoreState);
  return null;
}

export function spreadScore(state: CycleState, node: NodeInfo): number {
  const s = state.data.get(KEY) as ScoreState;
  if (s.ignored.has(node.name)) return 0;
  let score = 0;
  s.constraints.forEach((c, i) => {
    const value = node.labels[c.topologyKey];
    if (value === undefined) return;
    const count = c.topologyKey === HOSTNAME ? countMatching(node, c, state.pod) : (s.counts[i].get(value) ?? 0);
    score += count * s.weights[i] + (c.maxSkew - 1);
  });
  return Math.round(score);
}

export function spreadNormalize(state: CycleState, scores: number[], nodes: NodeInfo[]): void {
  const s = state.data.get(KEY) as ScoreState;
  let min = Infinity;
  let max = 0;
  nodes.forEach((n, i) => {
    if (s.ignored.has(n.name)) return;
    min = Math.min(min, scores[i]);
    max = Math.max(max, scores[i]);
  });
  nodes.forEach((n, i) => {
    if (s.ignored.has(n.name)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
  });
}
