// Filtering: run PreFilter once, then each node's Filter chain until enough feasible nodes are found,
// starting where the previous cycle stopped so the load spreads over all nodes (upstream's
// nextStartNodeIndex and percentageOfNodesToScore).
import type { NodeInfo } from '../snapshot/node-info';
import type { CycleState, Profile, Status } from './types';
import { asError } from './status';

const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

export function numFeasibleNodesToFind(percentage: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES) return numAllNodes;
  let pct = percentage;
  if (pct <= 0) pct = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(numAllNodes / 125));
  if (pct >= 100) return numAllNodes;
  return Math.max(MIN_FEASIBLE_NODES, Math.trunc((numAllNodes * pct) / 100));
}

export interface FilterOutcome {
  /** Set when a PreFilter rejected the pod outright (or failed). */
  preFilterStatus?: Status;
  feasible: NodeInfo[];
  /** Every node looked at, in order, with null for "passed". */
  evaluated: string[];
  statuses: (Status | null)[];
  /** Where the next cycle should start. */
  nextStart: number;
}

/** Runs PreFilter; answers the filter plugins still to run, or the status that rejects the pod. */
function preFilter(profile: Profile, state: CycleState): { active: Profile['plugins']; rejected?: Status } {
  const active: Profile['plugins'] = [];
  for (const wp of profile.plugins) {
    const p = wp.plugin;
    if (!p.filter && !p.preFilter) continue;
    let s: Status | null;
    try {
      s = p.preFilter ? p.preFilter(state) : null;
    } catch (err) {
      s = asError(err);
    }
    if (s?.code === 'Skip') continue;
    if (s) return { active, rejected: { ...s, plugin: p.name } };
    if (p.filter) active.push(wp);
  }
  return { active };
}

export function runFilterChain(plugins: Profile['plugins'], state: CycleState, node: NodeInfo): Status | null {
  for (const { plugin } of plugins) {
    const s = plugin.filter!(state, node);
    if (s) return s.plugin ? s : { ...s, plugin: plugin.name };
  }
  return null;
}

export function findFeasible(profile: Profile, state: CycleState, nodes: NodeInfo[], start: number): FilterOutcome {
  const out: FilterOutcome = { feasible: [], evaluated: [], statuses: [], nextStart: start };
  const { active, rejected } = preFilter(profile, state);
  if (rejected) return { ...out, preFilterStatus: rejected };
  const want = numFeasibleNodesToFind(profile.percentageOfNodesToScore, nodes.length);
  const n = nodes.length;
  let i = 0;
  for (; i < n && out.feasible.length < want; i++) {
    const node = nodes[(start + i) % n];
    let s: Status | null;
    try {
      s = runFilterChain(active, state, node);
    } catch (err) {
      s = asError(err);
    }
    out.evaluated.push(node.name);
    out.statuses.push(s);
    if (!s) out.feasible.push(node);
  }
  out.nextStart = n === 0 ? 0 : (start + i) % n;
  return out;
}
