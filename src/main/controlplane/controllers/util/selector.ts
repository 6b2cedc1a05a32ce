// metav1.LabelSelector matching for one object, as controllers need it when deciding whether a pod
// they own still belongs to them (listers filter lists; this answers for a single object).
import type { Obj } from '../../client';

interface Expression {
  key: string;
  operator: string;
  values?: string[];
}

/** an empty or missing selector matches nothing, as controllers treat it (never adopt the world) */
export function selectorMatches(selector: Obj | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const matchLabels: Record<string, string> = selector.matchLabels ?? {};
  const expressions: Expression[] = selector.matchExpressions ?? [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return false;
  const have = labels ?? {};
  for (const [k, v] of Object.entries(matchLabels)) if (have[k] !== v) return false;
  return expressions.every((e) => expressionMatches(e, have));
}

function expressionMatches(e: Expression, labels: Record<string, string>): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, e.key);
  switch (e.operator) {
    case 'In':
      return present && (e.values ?? []).includes(labels[e.key]);
    case 'NotIn':
      return !present || !(e.values ?? []).includes(labels[e.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}
