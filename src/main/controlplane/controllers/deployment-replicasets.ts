// Finding or making a Deployment's new ReplicaSet (upstream getAllReplicaSetsAndSyncRevision /
// getNewReplicaSet), resizing ReplicaSets, and writing back to the Deployment itself.
import { controllerReference, type KubeObject } from '../../../shared/k8s/objects';
import { StatusError } from '../../../shared/k8s/status';
import type { Obj } from '../client';
import { getCondition, newCondition, setCondition } from './util/conditions';
import { computeHash } from './util/hash';
import {
  type DeploymentDeps,
  equalIgnoreHash,
  findNewReplicaSet,
  HASH_LABEL,
  hasProgressDeadline,
  maxRevision,
  maxSurge,
  newRSNewReplicas,
  REVISION,
  replicasAnnotationsNeedUpdate,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
} from './deployment-util';

/** one sync of one Deployment: the latest copy of it (writes replace it) and its ReplicaSets */
export interface SyncState extends DeploymentDeps {
  d: Obj;
  rsList: Obj[];
  /** pods of the Deployment's ReplicaSets, for Recreate */
  pods: Obj[];
}

export async function saveStatus(s: SyncState, status: Obj): Promise<void> {
  s.d = await s.client.updateStatus({ ...structuredClone(s.d), status });
}

/** the revision annotation kubectl rollout history/status read on the Deployment */
async function saveRevision(s: SyncState, revision: string): Promise<void> {
  if (s.d.metadata.annotations?.[REVISION] === revision) return;
  const { namespace, name, resourceVersion } = s.d.metadata;
  s.d = await s.client.patch('apps/v1', 'Deployment', namespace, name, 'merge', { metadata: { resourceVersion, annotations: { [REVISION]: revision } } });
}

export async function getAllReplicaSets(s: SyncState, create: boolean): Promise<{ newRS?: Obj; oldRSs: Obj[] }> {
  const existing = findNewReplicaSet(s.d, s.rsList);
  const oldRSs = s.rsList.filter((rs) => rs !== existing);
  const newRS = existing ? await syncExistingNewRS(s, existing, oldRSs) : create ? await createNewRS(s, oldRSs) : undefined;
  return { newRS, oldRSs };
}

async function syncExistingNewRS(s: SyncState, existing: Obj, oldRSs: Obj[]): Promise<Obj> {
  let rs = existing;
  const copy = structuredClone(existing);
  const annotationsChanged = setNewReplicaSetAnnotations(s.d, copy, maxRevision(oldRSs) + 1, true);
  const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== (s.d.spec.minReadySeconds ?? 0);
  if (minReadyChanged) copy.spec.minReadySeconds = s.d.spec.minReadySeconds ?? 0;
  if (annotationsChanged || minReadyChanged) rs = await s.client.update(copy);
  await saveRevision(s, rs.metadata.annotations?.[REVISION] ?? '');
  if (hasProgressDeadline(s.d) && !getCondition(s.d.status, 'Progressing')) {
    const status = structuredClone(s.d.status ?? {});
    setCondition(status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`, s.clock.now()));
    await saveStatus(s, status);
  }
  return rs;
}

function newReplicaSetObject(s: SyncState, oldRSs: Obj[]): Obj {
  const d = s.d;
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = structuredClone(d.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
  const selector = structuredClone(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
  const rs: Obj = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: template.metadata.labels, ownerReferences: [controllerReference(d as KubeObject)] },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  setNewReplicaSetAnnotations(d, rs, maxRevision(oldRSs) + 1, false);
  return rs;
}

async function createNewRS(s: SyncState, oldRSs: Obj[]): Promise<Obj> {
  const rs = newReplicaSetObject(s, oldRSs);
  const revision = rs.metadata.annotations[REVISION];
  let created: Obj;
  let alreadyExisted = false;
  try {
    created = await s.client.create(rs);
  } catch (err) {
    if (err instanceof StatusError && err.code === 409) {
      created = await handleCollision(s, rs);
      alreadyExisted = true;
    } else {
      await reportCreateFailure(s, rs, err);
      throw err;
    }
  }
  if (!alreadyExisted && specReplicas(created) > 0) {
    s.recorder.event(s.d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${specReplicas(created)} from 0`);
  }
  await saveRevision(s, revision);
  if (!alreadyExisted && hasProgressDeadline(s.d)) {
    const status = structuredClone(s.d.status ?? {});
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, s.clock.now()));
    await saveStatus(s, status);
  }
  return created;
}

/** a ReplicaSet of that name exists: ours with this template is fine; anything else bumps collisionCount */
async function handleCollision(s: SyncState, rs: Obj): Promise<Obj> {
  const found = await s.client.get('apps/v1', 'ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  const ours = found.metadata.ownerReferences?.some((r: Obj) => r.controller && r.uid === s.d.metadata.uid);
  if (ours && equalIgnoreHash(found.spec.template, s.d.spec.template)) return found;
  const status = structuredClone(s.d.status ?? {});
  status.collisionCount = (status.collisionCount ?? 0) + 1;
  await saveStatus(s, status);
  throw new Error(`hash collision for ReplicaSet "${rs.metadata.name}": collisionCount is now ${status.collisionCount}`);
}

async function reportCreateFailure(s: SyncState, rs: Obj, err: unknown): Promise<void> {
  const message = `Failed to create new replica set "${rs.metadata.name}": ${(err as Error).message}`;
  s.recorder.event(s.d, 'Warning', 'FailedCreate', message);
  if (!hasProgressDeadline(s.d)) return;
  const status = structuredClone(s.d.status ?? {});
  setCondition(status, newCondition('Progressing', 'False', 'ReplicaSetCreateError', message, s.clock.now()));
  await saveStatus(s, status);
}

/** resizes rs (and refreshes its desired/max annotations); records ScalingReplicaSet when the size changed */
export async function scaleReplicaSet(s: SyncState, rs: Obj, newScale: number): Promise<{ scaled: boolean; rs: Obj }> {
  const oldScale = specReplicas(rs);
  const desired = specReplicas(s.d);
  const max = desired + maxSurge(s.d);
  const sizeChanged = oldScale !== newScale;
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const copy = structuredClone(rs);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  const updated = await s.client.update(copy);
  const i = s.rsList.findIndex((x) => x.metadata.uid === rs.metadata.uid);
  if (i >= 0) s.rsList[i] = updated;
  if (sizeChanged) {
    const op = newScale > oldScale ? 'up' : 'down';
    s.recorder.event(s.d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${updated.metadata.name} to ${newScale} from ${oldScale}`);
  }
  return { scaled: sizeChanged, rs: updated };
}
