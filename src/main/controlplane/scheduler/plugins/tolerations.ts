// Toleration matching as v1.Toleration.ToleratesTaint.
import type { Taint, Toleration } from '../api';

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (t.operator === undefined || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

export const toleratedBy = (tolerations: Toleration[], taint: Taint): boolean => tolerations.some((t) => tolerates(t, taint));
