// ControllerRevisions, as upstream's pkg/controller/history: the StatefulSet and DaemonSet
// controllers keep each distinct pod template as a numbered snapshot named "<owner>-<hash>", so that
// `kubectl rollout history` can list them and `kubectl rollout undo` can patch one back.
import { StatusError } from '../../../../shared/k8s/status';
import { controllerReference, isControlledBy, type KubeObject } from '../../../../shared/k8s/objects';
import type { ApiClient, Lister, Obj } from '../../client';
import { canonicalJson, hashRevisionData } from './revision-hash';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** revisions owned by `owner`, oldest first (by revision number, then name) */
export function ownedRevisions(revisions: Lister, owner: Obj): Obj[] {
  return revisions
    .namespace(owner.metadata.namespace)
    .list()
    .filter((r) => isControlledBy(r, owner))
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || String(a.metadata.name).localeCompare(b.metadata.name));
}

export const nextRevisionNumber = (revisions: Obj[]): number => (revisions.length ? Math.max(...revisions.map((r) => r.revision ?? 0)) + 1 : 1);

export const equalRevision = (a: Obj, b: Obj): boolean => canonicalJson(a.data) === canonicalJson(b.data);

/** history.NewControllerRevision (without a name yet: the hash depends on the collision count) */
export function newRevision(owner: KubeObject, templateLabels: Record<string, string> | undefined, data: Obj, revision: number): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { namespace: owner.metadata.namespace, labels: { ...(templateLabels ?? {}) }, ownerReferences: [controllerReference(owner)] },
    data,
    revision,
  };
}

export interface Resolved {
  /** the revision the owner's current template corresponds to */
  update: Obj;
  collisionCount: number;
}

/**
 * Finds or makes the revision for `candidate`: the newest revision equal to it is reused (and, if it
 * is not the newest, renumbered to the next number: a rollback), else a new one is created, bumping
 * the collision count while a different revision holds the hashed name.
 */
export async function resolveUpdateRevision(client: ApiClient, history: Obj[], candidate: Obj, collisionCount: number): Promise<Resolved> {
  const equal = history.filter((r) => equalRevision(r, candidate));
  const newest = history[history.length - 1];
  if (equal.length && equal[equal.length - 1] === newest) return { update: newest, collisionCount };
  if (equal.length) {
    const target = structuredClone(equal[equal.length - 1]);
    target.revision = candidate.revision;
    return { update: await client.update(target), collisionCount };
  }
  return createRevision(client, candidate, collisionCount);
}

async function createRevision(client: ApiClient, candidate: Obj, collisionCount: number): Promise<Resolved> {
  const owner = candidate.metadata.ownerReferences[0];
  for (let count = collisionCount; ; count++) {
    const hash = hashRevisionData(candidate.data, count);
    const revision = structuredClone(candidate);
    revision.metadata.name = `${owner.name.slice(0, 223)}-${hash}`;
    revision.metadata.labels[REVISION_HASH_LABEL] = hash;
    try {
      return { update: await client.create(revision), collisionCount: count };
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 409)) throw err;
      const existing = await client.get('apps/v1', 'ControllerRevision', revision.metadata.namespace, revision.metadata.name);
      if (equalRevision(existing, revision) && existing.metadata.ownerReferences?.some((r: Obj) => r.uid === owner.uid)) return { update: existing, collisionCount: count };
    }
  }
}

/** deletes the oldest revisions no pod or status uses, beyond the owner's revisionHistoryLimit */
export async function truncateHistory(client: ApiClient, history: Obj[], live: Set<string>, limit: number): Promise<void> {
  const dead = history.filter((r) => !live.has(r.metadata.name));
  const excess = dead.length - limit;
  for (const r of dead.slice(0, Math.max(0, excess))) {
    try {
      await client.delete('apps/v1', 'ControllerRevision', r.metadata.namespace, r.metadata.name);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
}

/** the revision data upstream stores for StatefulSets and DaemonSets: a strategic merge patch that replaces spec.template */
export function templatePatchData(owner: Obj): Obj {
  return { spec: { template: { ...structuredClone(owner.spec.template), $patch: 'replace' } } };
}

/** the pod template a revision holds */
export function templateOfRevision(revision: Obj): Obj {
  const template = structuredClone(revision.data?.spec?.template ?? {});
  delete template.$patch;
  return template;
}
