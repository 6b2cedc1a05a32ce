// PersistentVolume, PersistentVolumeClaim and StorageClass printers.
import { ageColumn, col, nameColumn, type KindPrinter, type Obj } from './columns';
import { since } from './duration';

const MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** upstream GetAccessModesAsString: fixed order, duplicates dropped */
export const accessModes = (modes: string[] | undefined): string =>
  MODES.filter(([m]) => (modes ?? []).includes(m)).map(([, short]) => short).join(',');

const classOf = (obj: Obj, specClass: unknown): string =>
  obj.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? (typeof specClass === 'string' ? specClass : '');

export const persistentVolumePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Capacity', 'string', 'capacity is the description of the persistent volume\'s resources and capacity.'),
    col('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    col('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    col('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    col('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    col('StorageClass', 'string', 'storageClassName is the name of StorageClass to which this persistent volume belongs.'),
    col('VolumeAttributesClass', 'string', 'Name of VolumeAttributesClass to which this persistent volume belongs.'),
    col('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumn(),
    col('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', 1),
  ],
  cells: (pv, now) => {
    const ref = pv.spec?.claimRef;
    return [
      pv.metadata?.name ?? '',
      pv.spec?.capacity?.storage ?? '0',
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      classOf(pv, pv.spec?.storageClassName),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      since(pv.metadata?.creationTimestamp, now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    col('Access Modes', 'string', 'accessModes contains the desired access modes the volume should have.'),
    col('StorageClass', 'string', 'storageClassName is the name of the StorageClass required by the claim.'),
    col('VolumeAttributesClass', 'string', 'currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using.'),
    ageColumn(),
    col('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', 1),
  ],
  cells: (pvc, now) => {
    const bound = Boolean(pvc.spec?.volumeName);
    return [
      pvc.metadata?.name ?? '',
      pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '0') : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      classOf(pvc, pvc.spec?.storageClassName),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      since(pvc.metadata?.creationTimestamp, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

const isDefaultClass = (sc: Obj): boolean => {
  const a = sc.metadata?.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
};

export const storageClassPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Provisioner', 'string', 'Indicates the type of the provisioner.'),
    col('ReclaimPolicy', 'string', 'Dynamically provisioned PersistentVolumes of this storage class are created with this reclaimPolicy.'),
    col('VolumeBindingMode', 'string', 'VolumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
    col('AllowVolumeExpansion', 'string', 'AllowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumn(),
  ],
  cells: (sc, now) => [
    `${sc.metadata?.name ?? ''}${isDefaultClass(sc) ? ' (default)' : ''}`,
    sc.provisioner ?? '',
    sc.reclaimPolicy ?? 'Delete',
    sc.volumeBindingMode ?? 'Immediate',
    sc.allowVolumeExpansion ?? false,
    since(sc.metadata?.creationTimestamp, now),
  ],
};
