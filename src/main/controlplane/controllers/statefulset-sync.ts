// One pass of upstream's StatefulSet update (stateful_set_control.go updateStatefulSet): bring every
// ordinal in range up (in order, one at a time and only after its predecessors are Running and Ready,
// unless podManagementPolicy is Parallel), remove ordinals out of range from the highest down, then
// roll pods that are not at the update revision from the highest ordinal down to the partition.
import { StatusError } from '../../../shared/k8s/status';
import type { KubeObject } from '../../../shared/k8s/objects';
import type { ApiClient, EventRecorder, Lister, Obj } from '../client';
import { claimsFor, newStatefulSetPod, ordinalOf, podRevision, startOrdinal } from './statefulset-identity';
import { templateOfRevision } from './util/controller-history';
import { hasFinished, isRunningAndReady, isTerminating } from './util/pod-health';

export interface StsSyncEnv {
  client: ApiClient;
  recorder: EventRecorder;
  claims: Lister;
}

export interface StsPlan {
  set: KubeObject;
  pods: Obj[];
  current: Obj;
  update: Obj;
}

/** replicas by slot (undefined = missing) and condemned pods, highest ordinal first */
export function splitPods(set: Obj, pods: Obj[]): { replicas: (Obj | undefined)[]; condemned: Obj[] } {
  const count = set.spec?.replicas ?? 1;
  const start = startOrdinal(set);
  const replicas: (Obj | undefined)[] = new Array(count).fill(undefined);
  const condemned: { pod: Obj; ordinal: number }[] = [];
  for (const pod of pods) {
    const ordinal = ordinalOf(set, pod);
    if (ordinal === undefined) continue;
    if (ordinal >= start && ordinal < start + count) replicas[ordinal - start] = pod;
    else condemned.push({ pod, ordinal });
  }
  condemned.sort((a, b) => b.ordinal - a.ordinal);
  return { replicas, condemned: condemned.map((c) => c.pod) };
}

/** newVersionedStatefulSetPod: below the partition a missing pod comes back at the current revision */
function podForSlot(plan: StsPlan, slot: number): Obj {
  const { set, current, update } = plan;
  const ordinal = startOrdinal(set) + slot;
  const strategy = set.spec?.updateStrategy;
  const partition = strategy?.rollingUpdate?.partition ?? 0;
  const rev = strategy?.type === 'RollingUpdate' && slot < partition ? current : update;
  return newStatefulSetPod(set, templateOfRevision(rev), rev.metadata.name, ordinal);
}

const name = (o: Obj): string => o.metadata.name;

async function createClaims(env: StsSyncEnv, set: KubeObject, pod: Obj, ordinal: number): Promise<void> {
  for (const claim of claimsFor(set, ordinal)) {
    const existing = env.claims.get(`${claim.metadata.namespace}/${claim.metadata.name}`);
    if (existing) {
      if (isTerminating(existing)) throw new Error(`pvc ${name(existing)} is being deleted`);
      continue;
    }
    try {
      await env.client.create(claim);
      env.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${name(claim)} Pod ${name(pod)} in StatefulSet ${name(set)} success`);
    } catch (err) {
      if (err instanceof StatusError && err.code === 409) continue;
      env.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${name(claim)} for Pod ${name(pod)} in StatefulSet ${name(set)} failed error: ${(err as Error).message}`);
      throw err;
    }
  }
}

/** the created pod, or undefined when it already exists (our cache has not seen it yet) */
async function createPod(env: StsSyncEnv, plan: StsPlan, slot: number): Promise<Obj | undefined> {
  const { set } = plan;
  const pod = podForSlot(plan, slot);
  await createClaims(env, set, pod, startOrdinal(set) + slot);
  try {
    const created = await env.client.create(pod);
    env.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${name(pod)} in StatefulSet ${name(set)} successful`);
    return created;
  } catch (err) {
    if (err instanceof StatusError && err.code === 409) return undefined;
    env.recorder.event(set, 'Warning', 'FailedCreate', `create Pod ${name(pod)} in StatefulSet ${name(set)} failed error: ${(err as Error).message}`);
    throw err;
  }
}

async function deletePod(env: StsSyncEnv, set: Obj, pod: Obj): Promise<void> {
  try {
    await env.client.delete('v1', 'Pod', pod.metadata.namespace, name(pod), { preconditions: { uid: pod.metadata.uid } });
  } catch (err) {
    if (err instanceof StatusError && (err.code === 404 || err.code === 409)) return;
    env.recorder.event(set, 'Warning', 'FailedDelete', `delete Pod ${name(pod)} in StatefulSet ${name(set)} failed error: ${(err as Error).message}`);
    throw err;
  }
  env.recorder.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${name(pod)} in StatefulSet ${name(set)} successful`);
}

/** persistentVolumeClaimRetentionPolicy.whenScaled: Delete removes a condemned replica's claims */
async function deleteClaimsOfScaledDown(env: StsSyncEnv, set: Obj, pod: Obj): Promise<void> {
  if (set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled !== 'Delete') return;
  const ordinal = ordinalOf(set, pod)!;
  for (const claim of claimsFor(set as KubeObject, ordinal)) {
    if (!env.claims.get(`${claim.metadata.namespace}/${claim.metadata.name}`)) continue;
    try {
      await env.client.delete('v1', 'PersistentVolumeClaim', claim.metadata.namespace, name(claim));
      env.recorder.event(set, 'Normal', 'SuccessfulDelete', `delete Claim ${name(claim)} Pod ${name(pod)} in StatefulSet ${name(set)} success`);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
}

/** runs one pass; returns the pods it created (status counts them at once, as upstream does) */
export async function syncStatefulSet(env: StsSyncEnv, plan: StsPlan): Promise<Obj[]> {
  const { set } = plan;
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const { replicas, condemned } = splitPods(set, plan.pods);
  const created: Obj[] = [];
  const unhealthy = [...replicas, ...condemned].find((p) => p && !isRunningAndReady(p));
  for (let slot = 0; slot < replicas.length; slot++) {
    const pod = replicas[slot];
    if (pod && hasFinished(pod) && !isTerminating(pod)) {
      // A failed or completed replica is replaced: delete now, recreate once it is gone.
      await deletePod(env, set, pod);
      if (monotonic) return created;
      continue;
    }
    if (!pod) {
      const made = await createPod(env, plan, slot);
      if (made) created.push(made);
      if (monotonic) return created;
      continue;
    }
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod))) return created;
  }
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return created;
      continue;
    }
    if (monotonic && !isRunningAndReady(pod) && pod !== unhealthy) return created;
    await deletePod(env, set, pod);
    await deleteClaimsOfScaledDown(env, set, pod);
    if (monotonic) return created;
  }
  await rollingUpdate(env, plan, replicas);
  return created;
}

/** from the highest ordinal down to the partition, one pod at a time, each waiting for the one before */
async function rollingUpdate(env: StsSyncEnv, plan: StsPlan, replicas: (Obj | undefined)[]): Promise<void> {
  const strategy = plan.set.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return;
  const partition = strategy.rollingUpdate?.partition ?? 0;
  for (let slot = replicas.length - 1; slot >= partition; slot--) {
    const pod = replicas[slot];
    if (!pod) return;
    if (podRevision(pod) !== plan.update.metadata.name && !isTerminating(pod)) {
      await deletePod(env, plan.set, pod);
      return;
    }
    if (!isRunningAndReady(pod)) return;
  }
}
