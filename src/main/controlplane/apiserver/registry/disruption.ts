// What a PodDisruptionBudget allows right now, computed from the pods it selects (there is no
// disruption controller keeping status current, so the eviction endpoint works it out itself, the
// same way upstream's DisruptionController does for an integer minAvailable).
import type { Obj } from './json';
import { formatLabelSelector, matchesLabels, parseLabelSelector } from './labels';

export interface Budget {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

const isTerminal = (pod: Obj): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

export const isPodReady = (pod: Obj): boolean =>
  (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');

const isHealthy = (pod: Obj): boolean => !pod.metadata.deletionTimestamp && isPodReady(pod);

/** policy/v1: an empty selector selects every pod of the namespace, a missing one none */
export const budgetSelects = (pdb: Obj, pod: Obj): boolean => {
  const selector = pdb.spec?.selector;
  if (!selector) return false;
  return matchesLabels(parseLabelSelector(formatLabelSelector(selector)), pod.metadata.labels ?? {});
};

/** an int or a percentage of `total`, rounded up as upstream's GetScaledValueFromIntOrPercent(…, true) */
const scaled = (value: unknown, total: number): number => {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value));
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(value) || 0;
};

export const computeBudget = (pdb: Obj, podsInNamespace: Obj[]): Budget => {
  const pods = podsInNamespace.filter((p) => !isTerminal(p) && budgetSelects(pdb, p));
  const expectedPods = pods.length;
  const currentHealthy = pods.filter(isHealthy).length;
  const spec = pdb.spec ?? {};
  let desiredHealthy: number;
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) desiredHealthy = Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods));
  else desiredHealthy = scaled(spec.minAvailable ?? 1, expectedPods);
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
};
