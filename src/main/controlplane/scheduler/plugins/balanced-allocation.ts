// NodeResourcesBalancedAllocation: prefer nodes where cpu and memory would be used in equal shares,
// score = (1 − standard deviation of the requested/allocatable fractions) × 100.
import type { Plugin } from '../framework/types';
import { MAX_NODE_SCORE } from '../framework/types';
import { skip } from '../framework/status';

/** Upstream's balancedResourceScorer over [requested, allocatable] pairs. */
export function balancedScore(resources: [number, number][]): number {
  const fractions: number[] = [];
  for (const [requested, allocatable] of resources) {
    if (allocatable === 0) continue;
    fractions.push(Math.min(1, requested / allocatable));
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const balancedAllocation: Plugin = {
  name: 'NodeResourcesBalancedAllocation',
  preScore(state) {
    // Best-effort pods would all land on one node if scored by balance alone (kubernetes#129138).
    const r = state.pod.requests;
    return r.milliCpu === 0 && r.memory === 0 ? skip : null;
  },
  score(state, node) {
    // balancedScore for cpu and memory written out: this runs for every feasible node of every cycle.
    const r = state.pod.requests;
    const cpuCap = node.allocatable.milliCpu;
    const memCap = node.allocatable.memory;
    if (cpuCap === 0 || memCap === 0) return MAX_NODE_SCORE;
    const cpu = Math.min(1, (node.requested.milliCpu + r.milliCpu) / cpuCap);
    const mem = Math.min(1, (node.requested.memory + r.memory) / memCap);
    return Math.trunc((1 - Math.abs((cpu - mem) / 2)) * MAX_NODE_SCORE);
  },
};
