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

/** replicas of a pod's controller (ReplicaSet, StatefulSet, ...), undefined when it has none we can read */
export type ScaleOf = (namespace: string, owner: Obj) => number | undefined;

const controllerOf = (pod: Obj): Obj | undefined => (pod.metadata.ownerReferences ?? []).find((r: Obj) => r.controller === true);

/**
 * upstream's getExpectedPodCount: an integer minAvailable counts the pods; a percentage or
 * maxUnavailable counts what their controllers want, so a pod already gone still counts
 */
const expectedCount = (pdb: Obj, pods: Obj[], scaleOf: ScaleOf | undefined): number => {
  const spec = pdb.spec ?? {};
  if (!scaleOf || (spec.maxUnavailable === undefined && typeof (spec.minAvailable ?? 1) === 'number')) return pods.length;
  const owners = new Map<string, number>();
  let bare = 0;
  for (const pod of pods) {
    const owner = controllerOf(pod);
    const replicas = owner ? scaleOf(pod.metadata.namespace, owner) : undefined;
    if (owner && replicas !== undefined) owners.set(owner.uid ?? `${owner.kind}/${owner.name}`, replicas);
    else bare++;
  }
  return bare + [...owners.values()].reduce((a, b) => a + b, 0);
};

export const computeBudget = (pdb: Obj, podsInNamespace: Obj[], scaleOf?: ScaleOf): Budget => {
  const pods = podsInNamespace.filter((p) => !isTerminal(p) && budgetSelects(pdb, p));
  const expectedPods = expectedCount(pdb, pods, scaleOf);
  const currentHealthy = pods.filter(isHealthy).length;
  const spec = pdb.spec ?? {};
  let desiredHealthy: number;
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) desiredHealthy = Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods));
  else desiredHealthy = scaled(spec.minAvailable ?? 1, expectedPods);
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
};
