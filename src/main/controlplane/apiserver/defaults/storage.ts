// PersistentVolume, PersistentVolumeClaim and StorageClass defaults.
import { child, setIfEmpty, type Obj } from './util';

export function defaultPvc(pvc: Obj): void {
  setIfEmpty(child(pvc, 'spec'), 'volumeMode', 'Filesystem');
  setIfEmpty(child(pvc, 'status'), 'phase', 'Pending');
}

export function defaultPv(pv: Obj): void {
  const spec = child(pv, 'spec');
  setIfEmpty(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setIfEmpty(spec, 'volumeMode', 'Filesystem');
  setIfEmpty(child(pv, 'status'), 'phase', 'Pending');
}

export function defaultStorageClass(sc: Obj): void {
  setIfEmpty(sc, 'reclaimPolicy', 'Delete');
  setIfEmpty(sc, 'volumeBindingMode', 'Immediate');
}
