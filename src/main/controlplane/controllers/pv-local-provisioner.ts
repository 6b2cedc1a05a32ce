// The local-path provisioner: a volume is a folder "<dataDir>/volumes/pvc-<claim uid>" on this
// machine, exposed as a hostPath PersistentVolume pinned (by node affinity) to the node of the pod
// that first used it. Without a data dir (an in-memory cluster) the folders live in a temp dir.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { Obj } from '../client';
import { LOCAL_PATH_PROVISIONER } from './pv-storage-classes';

export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export class LocalPathProvisioner {
  private root?: Promise<string>;

  constructor(private readonly dataDir: string | undefined) {}

  /** the folder volumes go in, made on first use */
  volumesDir(): Promise<string> {
    this.root ??= this.dataDir
      ? mkdir(join(this.dataDir, 'volumes'), { recursive: true }).then(() => join(this.dataDir!, 'volumes'))
      : mkdtemp(join(tmpdir(), 'wheelhouse-volumes-'));
    return this.root;
  }

  /** makes the folder and returns the PersistentVolume for it, already claimed by `claim` */
  async provision(claim: Obj, sc: Obj, node: Obj | undefined): Promise<Obj> {
    const name = `pvc-${claim.metadata.uid}`;
    const path = join(await this.volumesDir(), name);
    await mkdir(path, { recursive: true, mode: 0o777 });
    const hostname = node ? (node.metadata.labels?.[HOSTNAME_LABEL] ?? node.metadata.name) : undefined;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { [PROVISIONED_BY]: LOCAL_PATH_PROVISIONER } },
      spec: {
        capacity: { storage: claim.spec.resources.requests.storage },
        accessModes: claim.spec.accessModes,
        volumeMode: claim.spec.volumeMode ?? 'Filesystem',
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        ...(sc.mountOptions ? { mountOptions: sc.mountOptions } : {}),
        hostPath: { path, type: 'DirectoryOrCreate' },
        ...(hostname ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME_LABEL, operator: 'In', values: [hostname] }] }] } } } : {}),
        claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion },
      },
    };
  }

  /** true for volumes this provisioner made */
  owns(pv: Obj): boolean {
    return pv.metadata?.annotations?.[PROVISIONED_BY] === LOCAL_PATH_PROVISIONER;
  }

  /** removes a volume's folder; false (and nothing removed) for a path outside the volumes folder */
  async remove(pv: Obj): Promise<boolean> {
    const root = resolve(await this.volumesDir());
    const path = resolve(pv.spec?.hostPath?.path ?? pv.spec?.local?.path ?? '');
    if (!path.startsWith(root + sep)) return false;
    await rm(path, { recursive: true, force: true });
    return true;
  }
}
