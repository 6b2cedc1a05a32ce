// upstream's deploymentutil: revisions, the annotations kubectl reads, surge/unavailable budgets,
// and how a Deployment's template is matched to the ReplicaSet that runs it.
import type { ApiClient, Clock, EventRecorder, Obj } from '../client';
import { canonicalJson } from './util/hash';
import { scaledValue } from './util/int-or-percent';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';
const SKIP_COPY = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);
const MAX_INT32 = 2147483647;
const MAX_HISTORY_LENGTH = 2000;

export interface DeploymentDeps {
  client: ApiClient;
  recorder: EventRecorder;
  clock: Clock;
}

export const specReplicas = (o: Obj | undefined): number => o?.spec?.replicas ?? 1;
export const revisionOf = (rs: Obj | undefined): number => Number.parseInt(rs?.metadata?.annotations?.[REVISION] ?? '', 10) || 0;
export const maxRevision = (rss: Obj[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
export const sum = (rss: Obj[], f: (rs: Obj) => number): number => rss.reduce((n, rs) => n + f(rs), 0);
export const totalReplicas = (rss: Obj[]): number => sum(rss, specReplicas);
export const actualReplicas = (rss: Obj[]): number => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const availableReplicas = (rss: Obj[]): number => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);
export const readyReplicas = (rss: Obj[]): number => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const activeReplicaSets = (rss: Obj[]): Obj[] => rss.filter((rs) => specReplicas(rs) > 0);
export const isRolling = (d: Obj): boolean => d.spec?.strategy?.type !== 'Recreate';
export const hasProgressDeadline = (d: Obj): boolean => (d.spec?.progressDeadlineSeconds ?? 600) !== MAX_INT32;

/** ResolveFenceposts: surge rounds up, unavailable down, and both zero means one unavailable */
export function fenceposts(d: Obj): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const desired = specReplicas(d);
  const surge = scaledValue(ru.maxSurge ?? '25%', desired, true);
  const unavailable = scaledValue(ru.maxUnavailable ?? '25%', desired, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

export const maxSurge = (d: Obj): number => (isRolling(d) ? fenceposts(d).surge : 0);

export function maxUnavailable(d: Obj): number {
  if (!isRolling(d) || specReplicas(d) === 0) return 0;
  return Math.min(fenceposts(d).unavailable, specReplicas(d));
}

const withoutHash = (template: Obj | undefined): string => {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return canonicalJson(t);
};

export const equalIgnoreHash = (a: Obj | undefined, b: Obj | undefined): boolean => withoutHash(a) === withoutHash(b);

const byCreation = (a: Obj, b: Obj): number =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name);

export const sortByCreation = (rss: Obj[]): Obj[] => [...rss].sort(byCreation);

/** the oldest ReplicaSet whose template is the Deployment's (a rollback may make an old one new again) */
export const findNewReplicaSet = (d: Obj, rss: Obj[]): Obj | undefined => sortByCreation(rss).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));

/** sets the desired/max replicas annotations (mutating rs); false when already so */
export function setReplicasAnnotations(rs: Obj, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  if (a[DESIRED_REPLICAS] === String(desired) && a[MAX_REPLICAS] === String(max)) return false;
  a[DESIRED_REPLICAS] = String(desired);
  a[MAX_REPLICAS] = String(max);
  return true;
}

export const replicasAnnotationsNeedUpdate = (rs: Obj, desired: number, max: number): boolean =>
  rs.metadata.annotations?.[DESIRED_REPLICAS] !== String(desired) || rs.metadata.annotations?.[MAX_REPLICAS] !== String(max);

export const desiredReplicasAnnotation = (rs: Obj): number | undefined => {
  const v = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS] ?? '', 10);
  return Number.isFinite(v) ? v : undefined;
};

/** Deployment annotations (change-cause, …) copied to its new ReplicaSet, the revision raised; mutates rs */
export function setNewReplicaSetAnnotations(d: Obj, rs: Obj, newRevision: number, exists: boolean): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries<string>(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION];
  if (revisionOf(rs) < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    // A ReplicaSet taking a new revision is a rollback to it: keep the revisions it had.
    if (oldRevision !== undefined) rememberRevision(a, oldRevision);
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** appends to revision-history, dropping the oldest entries past upstream's 2000 characters */
function rememberRevision(a: Record<string, string>, oldRevision: string): void {
  const history = a[REVISION_HISTORY] ? a[REVISION_HISTORY].split(',') : [];
  history.push(oldRevision);
  while (history.join(',').length > MAX_HISTORY_LENGTH && history.length > 1) history.shift();
  a[REVISION_HISTORY] = history.join(',');
}

/** NewRSNewReplicas: how big the new ReplicaSet may be now */
export function newRSNewReplicas(d: Obj, allRSs: Obj[], newRS: Obj): number {
  if (!isRolling(d)) return specReplicas(d);
  const current = totalReplicas(allRSs);
  const maxTotal = specReplicas(d) + maxSurge(d);
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, Math.max(0, specReplicas(d) - specReplicas(newRS)));
  return specReplicas(newRS) + up;
}

/** every updated replica available, nothing old left, and this generation observed */
export function deploymentComplete(d: Obj, status: Obj): boolean {
  const want = specReplicas(d);
  return (status.updatedReplicas ?? 0) === want && (status.replicas ?? 0) === want && (status.availableReplicas ?? 0) === want && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}
