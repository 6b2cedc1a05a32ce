// One volume's pass (upstream pv_controller syncVolume): an unclaimed volume is Available; a volume
// whose claim is gone is Released and then reclaimed by its policy: Retain keeps it Released, Delete
// removes it (and its folder, for local-path volumes); a volume whose claim is still unbound hands
// the work to that claim.
import { StatusError } from '../../../shared/k8s/status';
import type { Obj, WorkQueue } from '../client';
import { setVolumePhase } from './pv-bind';
import type { BinderEnv } from './pv-claim-sync';

export async function syncVolume(env: BinderEnv, queue: WorkQueue, pv: Obj): Promise<void> {
  if (pv.metadata.deletionTimestamp) return;
  const ref = pv.spec?.claimRef;
  if (!ref) {
    await setVolumePhase(env.client, pv, 'Available');
    return;
  }
  const claim = await liveClaim(env, ref.namespace, ref.name);
  if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
    if (claim.spec?.volumeName === pv.metadata.name) await setVolumePhase(env.client, pv, 'Bound');
    else {
      await setVolumePhase(env.client, pv, 'Available');
      queue.add(`${ref.namespace}/${ref.name}`);
    }
    return;
  }
  if (!ref.uid) return;
  await reclaim(env, pv);
}

/** the cache may lag behind a claim created a moment ago: ask the API before releasing a volume */
async function liveClaim(env: BinderEnv, namespace: string, name: string): Promise<Obj | undefined> {
  const cached = env.claims.get(`${namespace}/${name}`);
  if (cached) return cached;
  try {
    return await env.client.get('v1', 'PersistentVolumeClaim', namespace, name);
  } catch (err) {
    if (err instanceof StatusError && err.code === 404) return undefined;
    throw err;
  }
}

async function reclaim(env: BinderEnv, pvIn: Obj): Promise<void> {
  const pv = await setVolumePhase(env.client, pvIn, pvIn.status?.phase === 'Failed' ? 'Failed' : 'Released');
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy === 'Retain' || pv.status?.phase === 'Failed') return;
  if (policy !== 'Delete' || !env.provisioner.owns(pv)) {
    env.recorder.event(pv, 'Warning', 'VolumeFailedDelete', `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`);
    await setVolumePhase(env.client, pv, 'Failed', 'no deletable volume plugin matched');
    return;
  }
  if (!(await env.provisioner.remove(pv))) env.logger.warn(`local-path volume ${pv.metadata.name}: folder ${pv.spec?.hostPath?.path} is outside the volumes folder; left on disk`);
  try {
    await env.client.delete('v1', 'PersistentVolume', undefined, pv.metadata.name, { preconditions: { uid: pv.metadata.uid } });
  } catch (err) {
    if (!(err instanceof StatusError && (err.code === 404 || err.code === 409))) throw err;
  }
}
