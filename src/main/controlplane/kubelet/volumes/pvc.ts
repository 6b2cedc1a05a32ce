// A persistentVolumeClaim volume on the local node: the claim must be Bound, and its volume must be a
// folder on this machine (spec.local.path or spec.hostPath.path, as the local-path provisioner makes).
import type { ApiClient, Obj } from '../../client';
import { SourceError } from './errors';
import { checkHostPath } from './host-path';

const read = async (client: ApiClient, kind: string, namespace: string | undefined, name: string): Promise<Obj | undefined> =>
  client.get('v1', kind, namespace, name).catch((err) => {
    if ((err as { code?: number }).code === 404) return undefined;
    throw err;
  });

/** the folder behind the claim; throws SourceError in kubelet's words */
export async function claimPath(client: ApiClient, pod: Obj, source: Obj): Promise<string> {
  const ns: string = pod.metadata.namespace;
  const name: string = source.claimName;
  const where = `error processing PVC ${ns}/${name}`;
  const claim = await read(client, 'PersistentVolumeClaim', ns, name);
  if (!claim) throw new SourceError(`${where}: failed to fetch PVC from API server: persistentvolumeclaims "${name}" not found`);
  if (claim.metadata.deletionTimestamp) throw new SourceError(`${where}: PVC is being deleted`);
  if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) {
    throw new SourceError(`${where}: PVC ${ns}/${name} has non-bound phase ("${claim.status?.phase ?? 'Pending'}") or empty pvc.Spec.VolumeName ("${claim.spec?.volumeName ?? ''}")`);
  }
  const pv = await read(client, 'PersistentVolume', undefined, claim.spec.volumeName);
  if (!pv) throw new SourceError(`${where}: failed to fetch PV ${claim.spec.volumeName} from API server: persistentvolumes "${claim.spec.volumeName}" not found`);
  if (pv.spec?.claimRef?.uid && pv.spec.claimRef.uid !== claim.metadata.uid) throw new SourceError(`${where}: PV ${pv.metadata.name} is bound to another claim`);
  const path: string | undefined = pv.spec?.local?.path ?? pv.spec?.hostPath?.path;
  if (!path) throw new SourceError(`${where}: PV ${pv.metadata.name} is not a local or hostPath volume, which is all the local node can mount`);
  await checkHostPath(path, pv.spec.local ? 'Directory' : pv.spec.hostPath.type);
  return path;
}
