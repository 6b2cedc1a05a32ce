// NodeResourcesFit: the pod's requests must fit in what the node has left (cpu, memory,
// ephemeral-storage, extended resources, pod count); scores with LeastAllocated over cpu and memory.
import type { Plugin } from '../framework/types';
import { MAX_NODE_SCORE } from '../framework/types';
import { unschedulable } from '../framework/status';
import type { NodeInfo } from '../snapshot/node-info';
import type { PodInfo } from '../snapshot/pod-info';

export const TOO_MANY_PODS = 'Too many pods';
export const insufficient = (resource: string): string => `Insufficient ${resource}`;

export function insufficientResources(pod: PodInfo, node: NodeInfo): string[] {
  const out: string[] = [];
  if (node.pods.size + 1 > node.allowedPods) out.push(TOO_MANY_PODS);
  const req = pod.requests;
  const have = node.allocatable;
  const used = node.requested;
  if (req.milliCpu > 0 && req.milliCpu > have.milliCpu - used.milliCpu) out.push(insufficient('cpu'));
  if (req.memory > 0 && req.memory > have.memory - used.memory) out.push(insufficient('memory'));
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > have.ephemeralStorage - used.ephemeralStorage) {
    out.push(insufficient('ephemeral-storage'));
  }
  for (const name of Object.keys(req.scalar).sort()) {
    const want = req.scalar[name];
    if (want > 0 && want > (have.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) out.push(insufficient(name));
  }
  return out;
}

/** Upstream's leastRequestedScore: the free share, 0 when over-committed. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated over [requested, allocatable, weight] triples, skipping resources the node lacks. */
export function leastAllocated(resources: [number, number, number][]): number {
  let score = 0;
  let weights = 0;
  for (const [requested, allocatable, weight] of resources) {
    if (allocatable === 0) continue;
    score += leastRequestedScore(requested, allocatable) * weight;
    weights += weight;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}

export const nodeResourcesFit: Plugin = {
  name: 'NodeResourcesFit',
  filter(state, node) {
    const reasons = insufficientResources(state.pod, node);
    return reasons.length ? unschedulable(...reasons) : null;
  },
  score(state, node) {
    // Two resources of weight 1, written out: this runs for every feasible node of every cycle.
    const p = state.pod;
    const cpuCap = node.allocatable.milliCpu;
    const memCap = node.allocatable.memory;
    const cpu = leastRequestedScore(node.nonZeroMilliCpu + p.nonZeroMilliCpu, cpuCap);
    const mem = leastRequestedScore(node.nonZeroMemory + p.nonZeroMemory, memCap);
    const n = (cpuCap === 0 ? 0 : 1) + (memCap === 0 ? 0 : 1);
    return n === 0 ? 0 : Math.trunc((cpu + mem) / n);
  },
};
