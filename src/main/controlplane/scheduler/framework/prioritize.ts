// Scoring: PreScore over the feasible nodes, then each plugin's Score per node, its NormalizeScore,
// and the weighted sum. Scores are kept per plugin so the decision can be explained later.
import type { NodeInfo } from '../snapshot/node-info';
import type { CycleState, Profile, WeightedPlugin } from './types';
import { MAX_NODE_SCORE } from './types';

export interface ScoreTable {
  plugins: string[];
  weights: number[];
  /** Normalized (0..100) score of plugin p on node i at [i * plugins.length + p]. */
  scores: Int16Array;
  totals: number[];
}

function scorePlugins(profile: Profile, state: CycleState, nodes: NodeInfo[]): WeightedPlugin[] {
  const active: WeightedPlugin[] = [];
  for (const wp of profile.plugins) {
    if (!wp.plugin.score || wp.weight <= 0) continue;
    const s = wp.plugin.preScore ? wp.plugin.preScore(state, nodes) : null;
    if (s?.code === 'Skip') continue;
    if (s) throw new Error(`${wp.plugin.name} PreScore: ${s.reasons.join(', ')}`);
    active.push(wp);
  }
  return active;
}

export function prioritize(profile: Profile, state: CycleState, nodes: NodeInfo[]): ScoreTable {
  const active = scorePlugins(profile, state, nodes);
  const np = active.length;
  const table: ScoreTable = {
    plugins: active.map((a) => a.plugin.name),
    weights: active.map((a) => a.weight),
    scores: new Int16Array(nodes.length * np),
    totals: new Array<number>(nodes.length).fill(0),
  };
  const column = new Array<number>(nodes.length);
  for (let p = 0; p < np; p++) {
    const { plugin, weight } = active[p];
    for (let i = 0; i < nodes.length; i++) column[i] = plugin.score!(state, nodes[i]);
    plugin.normalizeScore?.(state, column, nodes);
    for (let i = 0; i < nodes.length; i++) {
      const s = Math.max(0, Math.min(MAX_NODE_SCORE, Math.trunc(column[i])));
      table.scores[i * np + p] = s;
      table.totals[i] += s * weight;
    }
  }
  return table;
}

/** The highest total; ties go to a random one (reservoir sampling, as upstream) or, with no RNG, the first name. */
export function selectHost(nodes: NodeInfo[], totals: number[], rng?: () => number): number {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (rng ? Math.floor(rng() * ties) === 0 : nodes[i].name < nodes[best].name) best = i;
    }
  }
  return best;
}
