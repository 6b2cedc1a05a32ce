// Label selectors and node selector terms compiled once into predicates, because the scheduler
// evaluates them against thousands of pods and nodes per cycle.
import type { Labels, LabelSelector, Node, NodeSelectorRequirement, NodeSelectorTerm } from './api';

export type LabelPredicate = (labels: Labels | undefined) => boolean;

export const matchNothing: LabelPredicate = () => false;
export const matchEverything: LabelPredicate = () => true;

/** metav1.LabelSelector: null matches nothing, {} matches everything. */
export function compileLabelSelector(selector: LabelSelector | null | undefined): LabelPredicate {
  if (!selector) return matchNothing;
  const checks: LabelPredicate[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) checks.push((l) => l?.[k] === v);
  for (const req of selector.matchExpressions ?? []) checks.push(compileRequirement(req));
  if (checks.length === 0) return matchEverything;
  if (checks.length === 1) return checks[0];
  return (labels) => {
    for (const check of checks) if (!check(labels)) return false;
    return true;
  };
}

function compileRequirement(req: NodeSelectorRequirement): LabelPredicate {
  const { key } = req;
  const values = new Set(req.values ?? []);
  switch (req.operator) {
    case 'In':
      return (l) => l?.[key] !== undefined && values.has(l[key]);
    case 'NotIn':
      return (l) => l?.[key] === undefined || !values.has(l[key]);
    case 'Exists':
      return (l) => l?.[key] !== undefined;
    case 'DoesNotExist':
      return (l) => l?.[key] === undefined;
    case 'Gt':
    case 'Lt': {
      const bound = Number(req.values?.[0]);
      const gt = req.operator === 'Gt';
      return (l) => {
        const raw = l?.[key];
        if (raw === undefined || !/^-?\d+$/.test(raw) || Number.isNaN(bound)) return false;
        return gt ? Number(raw) > bound : Number(raw) < bound;
      };
    }
    default:
      return matchNothing;
  }
}

export type NodePredicate = (node: Node) => boolean;

/** One NodeSelectorTerm: all its requirements hold; a term with none matches nothing. */
function compileNodeSelectorTerm(term: NodeSelectorTerm): NodePredicate {
  const exprs = (term.matchExpressions ?? []).map(compileRequirement);
  const fields = (term.matchFields ?? []).map((f) => {
    const check = compileRequirement({ ...f, key: 'metadata.name' });
    return (n: Node) => f.key === 'metadata.name' && check({ 'metadata.name': n.metadata.name ?? '' });
  });
  if (exprs.length === 0 && fields.length === 0) return () => false;
  return (node) => exprs.every((e) => e(node.metadata.labels)) && fields.every((f) => f(node));
}

/** NodeSelector: the terms are ORed. */
export function compileNodeSelectorTerms(terms: NodeSelectorTerm[]): NodePredicate {
  const compiled = terms.map(compileNodeSelectorTerm);
  return (node) => compiled.some((t) => t(node));
}

export { compileNodeSelectorTerm };
