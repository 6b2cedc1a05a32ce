// metav1.LabelSelector matching for one object, as controllers need it when deciding whether a pod
// they own still belongs to them (listers filter lists; this answers for a single object).
import type { Obj } from '../../client';

interface Expression {
  key: string;
  operator: string;
  values?: string[];
}

export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

/** a matcher built once per sync and applied to many objects; an empty or missing selector matches nothing */
export function compileSelector(selector: Obj | undefined): LabelMatcher {
  const pairs = Object.entries<string>(selector?.matchLabels ?? {});
  const expressions: Expression[] = selector?.matchExpressions ?? [];
  // Controllers never adopt the world.
  if (pairs.length === 0 && expressions.length === 0) return () => false;
  return (labels) => {
    const have = labels ?? {};
    for (const [k, v] of pairs) if (have[k] !== v) return false;
    for (const e of expressions) if (!expressionMatches(e, have)) return false;
    return true;
  };
}

export const selectorMatches = (selector: Obj | undefined, labels: Record<string, string> | undefined): boolean => compileSelector(selector)(labels);

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
