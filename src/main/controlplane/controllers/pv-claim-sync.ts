// One claim's pass (upstream pv_controller syncClaim): a bound claim is kept consistent with its
// volume; an unbound one is bound to a matching Available volume, or, for a class this cluster
// provisions, gets a new local-path volume. WaitForFirstConsumer classes wait until a pod using the
// claim is scheduled (the node becomes the volume.kubernetes.io/selected-node annotation).
import { StatusError } from '../../../shared/k8s/status';
import type { ApiClient, EventRecorder, Lister, Logger, Obj } from '../client';
import { bind, setClaimPhase } from './pv-bind';
import type { LocalPathProvisioner } from './pv-local-provisioner';
import { findMatchingVolume } from './pv-match';
import { claimClassName, defaultClassName, LOCAL_PATH_PROVISIONER } from './pv-storage-classes';

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const CLAIM_INDEX = 'byClaim';

/** pods filed under "ns/claim" for each claim they mount */
export const byClaim = (pod: Obj): string[] =>
  (pod.spec?.volumes ?? []).filter((v: Obj) => v.persistentVolumeClaim?.claimName).map((v: Obj) => `${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);

export interface BinderEnv {
  client: ApiClient;
  recorder: EventRecorder;
  logger: Logger;
  claims: Lister;
  volumes: Lister;
  classes: Lister;
  nodes: Lister;
  pods: Lister;
  provisioner: LocalPathProvisioner;
  /** claims whose retroactive default-class assignment the API server refused */
  defaultRefused: Set<string>;
}

export async function syncClaim(env: BinderEnv, claim: Obj): Promise<void> {
  if (claim.metadata.deletionTimestamp) return;
  if (claim.spec?.volumeName) return syncBoundClaim(env, claim);
  if (await assignDefaultClass(env, claim)) return;
  const className = claimClassName(claim, env.classes);
  const sc = className ? env.classes.get(className) : undefined;
  const waits = sc?.volumeBindingMode === 'WaitForFirstConsumer';
  const nodeName = waits ? await selectedNode(env, claim) : undefined;
  if (waits && !nodeName) {
    env.recorder.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    return;
  }
  const node = nodeName ? env.nodes.get(nodeName) : undefined;
  const match = findMatchingVolume(env.volumes.list(), claim, className, node);
  if (match) {
    await bind(env.client, match, claim);
    return;
  }
  if (!sc) {
    env.recorder.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    return;
  }
  if (sc.provisioner !== LOCAL_PATH_PROVISIONER) {
    env.recorder.event(claim, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
    return;
  }
  await provision(env, claim, sc, node);
}

/**
 * Upstream (RetroactiveDefaultStorageClass) writes the default class into an unbound claim that
 * names none. Where the API server refuses that update, the claim is treated as of the default
 * class without it (claimClassName).
 */
async function assignDefaultClass(env: BinderEnv, claim: Obj): Promise<boolean> {
  if (claim.spec?.storageClassName !== undefined || env.defaultRefused.has(claim.metadata.uid)) return false;
  const name = defaultClassName(env.classes);
  if (!name) return false;
  try {
    await env.client.update({ ...structuredClone(claim), spec: { ...structuredClone(claim.spec), storageClassName: name } });
    return true;
  } catch (err) {
    if (!(err instanceof StatusError && (err.code === 422 || err.code === 403))) throw err;
    env.defaultRefused.add(claim.metadata.uid);
    return false;
  }
}

/** the consumer's node: the annotation, else a scheduled pod using the claim (then recorded as the annotation) */
async function selectedNode(env: BinderEnv, claim: Obj): Promise<string | undefined> {
  const annotated = claim.metadata.annotations?.[SELECTED_NODE];
  if (annotated) return annotated;
  const consumer = env.pods.byIndex(CLAIM_INDEX, `${claim.metadata.namespace}/${claim.metadata.name}`).find((p) => p.spec?.nodeName && !p.metadata.deletionTimestamp);
  if (!consumer) return undefined;
  const next = structuredClone(claim);
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [SELECTED_NODE]: consumer.spec.nodeName };
  await env.client.update(next);
  // The update's watch event brings the claim back with the annotation.
  return undefined;
}

async function provision(env: BinderEnv, claim: Obj, sc: Obj, node: Obj | undefined): Promise<void> {
  const annotations = claim.metadata.annotations ?? {};
  if (annotations[STORAGE_PROVISIONER] !== sc.provisioner) {
    const next = structuredClone(claim);
    next.metadata.annotations = { ...annotations, [STORAGE_PROVISIONER]: sc.provisioner, [BETA_STORAGE_PROVISIONER]: sc.provisioner };
    await env.client.update(next);
    return;
  }
  const pv = await env.provisioner.provision(claim, sc, node);
  try {
    await env.client.create(pv);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 409)) {
      env.recorder.event(claim, 'Warning', 'ProvisioningFailed', `Failed to provision volume with StorageClass "${sc.metadata.name}": ${(err as Error).message}`);
      throw err;
    }
  }
  env.recorder.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name} using ${sc.provisioner}`);
  // The new volume's watch event finishes the binding from the volume's side.
}

async function syncBoundClaim(env: BinderEnv, claim: Obj): Promise<void> {
  const pv = env.volumes.get(claim.spec.volumeName);
  if (!pv) {
    if (claim.status?.phase === 'Bound') {
      env.recorder.event(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      await setClaimPhase(env.client, claim, 'Lost');
    }
    return;
  }
  const ref = pv.spec?.claimRef;
  if (!ref || (ref.name === claim.metadata.name && ref.namespace === claim.metadata.namespace && (!ref.uid || ref.uid === claim.metadata.uid))) {
    await bind(env.client, pv, claim);
    return;
  }
  if (claim.status?.phase === 'Bound') {
    env.recorder.event(claim, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
    await setClaimPhase(env.client, claim, 'Lost');
  }
}
