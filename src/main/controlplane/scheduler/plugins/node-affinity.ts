// NodeAffinity: spec.nodeSelector and required node affinity must match; preferred terms add their
// weights to the score, normalized against the best node.
import type { Plugin } from '../framework/types';
import { skip, unresolvable } from '../framework/status';
import { defaultNormalizeScore } from '../framework/normalize';
import { compileNodeSelectorTerm, type NodePredicate } from '../selectors';
import { requiredNodeAffinity } from './required-node-affinity';

const NAME = 'NodeAffinity';
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";


export const nodeAffinity: Plugin = {
  name: NAME,
  preFilter(state) {
    const required = requiredNodeAffinity(state.pod.pod);
    if (!required) return skip;
    state.data.set(NAME, required);
    return null;
  },
  filter(state, node) {
    const required = state.data.get(NAME) as NodePredicate;
    return node.node && required(node.node) ? null : unresolvable(ERR_REASON_NODE_AFFINITY);
  },
  preScore(state) {
    const preferred = state.pod.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (preferred.length === 0) return skip;
    state.data.set(`${NAME}/score`, preferred.map((p) => ({ weight: p.weight, match: compileNodeSelectorTerm(p.preference) })));
    return null;
  },
  score(state, node) {
    const preferred = state.data.get(`${NAME}/score`) as { weight: number; match: NodePredicate }[];
    let total = 0;
    for (const p of preferred) if (p.weight !== 0 && node.node && p.match(node.node)) total += p.weight;
    return total;
  },
  normalizeScore(_state, scores) {
    defaultNormalizeScore(scores, false);
  },
};
