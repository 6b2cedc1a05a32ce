// Set-based requirement matching shared by node selector terms and metav1.LabelSelector.
import type { Obj } from '../../client';

/** one requirement (In, NotIn, Exists, DoesNotExist, and for nodes Gt/Lt) against a label's value */
export function requirementMatches(req: Obj, value: string | undefined): boolean {
  const values: string[] = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const [have, want] = [Number(value), Number(values[0])];
      if (value === undefined || !Number.isInteger(have) || !Number.isInteger(want)) return false;
      return req.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** metav1.LabelSelector; an empty selector matches everything */
export function labelSelectorMatches(selector: Obj | undefined, labels: Record<string, string> | undefined): boolean {
  const have = labels ?? {};
  for (const [k, v] of Object.entries<string>(selector?.matchLabels ?? {})) if (have[k] !== v) return false;
  return (selector?.matchExpressions ?? []).every((r: Obj) => requirementMatches(r, have[r.key]));
}
