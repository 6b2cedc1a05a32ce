// A pod's hard node constraints (spec.nodeSelector and required node affinity) as one predicate,
// shared by NodeAffinity and the spreading plugins that count only eligible nodes.
import type { Node, Pod } from '../api';
import { compileNodeSelectorTerms, type NodePredicate } from '../selectors';

export function requiredNodeAffinity(pod: Pod): NodePredicate | null {
  const checks: NodePredicate[] = [];
  const selector = Object.entries(pod.spec.nodeSelector ?? {});
  if (selector.length) checks.push((n: Node) => selector.every(([k, v]) => n.metadata.labels?.[k] === v));
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms) checks.push(compileNodeSelectorTerms(terms));
  if (checks.length === 0) return null;
  return (n) => checks.every((c) => c(n));
}
