// Smaller kinds: PersistentVolumeClaim, PersistentVolume, HPA, PDB, RBAC bindings, Node.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { enumOf, forbidden, immutable, invalid, required } from './errors';

type Obj = Record<string, any>;
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

function accessModes(modes: unknown, path: string): StatusCause[] {
  if (!Array.isArray(modes) || modes.length === 0) return [required(path)];
  return modes.flatMap((m) => enumOf(path, m, ACCESS_MODES, true));
}

export function validatePvc(pvc: Obj): StatusCause[] {
  const spec = pvc.spec ?? {};
  const causes = accessModes(spec.accessModes, 'spec.accessModes');
  if (!spec.dataSource && !spec.dataSourceRef && spec.resources?.requests?.storage === undefined) causes.push(required('spec.resources[storage]'));
  causes.push(...enumOf('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']));
  return causes;
}

export function validatePvcUpdate(pvc: Obj, old: Obj): StatusCause[] {
  const strip = (s: Obj | undefined) => JSON.stringify({ ...(s ?? {}), resources: undefined, volumeName: undefined, volumeAttributesClassName: undefined });
  // Binding fills volumeName once; storage requests may grow (expansion); everything else is frozen.
  if (strip(pvc.spec) === strip(old.spec) && (!old.spec?.volumeName || pvc.spec?.volumeName === old.spec.volumeName)) return [];
  return [forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
}

export function validatePv(pv: Obj): StatusCause[] {
  const spec = pv.spec ?? {};
  const causes = accessModes(spec.accessModes, 'spec.accessModes');
  if (spec.capacity?.storage === undefined) causes.push(required('spec.capacity'));
  causes.push(...enumOf('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, ['Delete', 'Recycle', 'Retain']));
  const sources = ['hostPath', 'local', 'nfs', 'csi', 'iscsi', 'fc', 'cephfs', 'rbd', 'glusterfs', 'flexVolume', 'azureFile', 'azureDisk', 'gcePersistentDisk', 'awsElasticBlockStore', 'vsphereVolume', 'portworxVolume', 'scaleIO', 'storageos', 'photonPersistentDisk', 'quobyte', 'flocker', 'cinder'];
  const count = sources.filter((s) => spec[s] !== undefined).length;
  if (count === 0) causes.push(required('spec', 'must specify a volume type'));
  else if (count > 1) causes.push(forbidden('spec', 'may not specify more than 1 volume type'));
  return causes;
}

export function validateHpa(hpa: Obj): StatusCause[] {
  const spec = hpa.spec ?? {};
  const causes: StatusCause[] = [];
  if (typeof spec.minReplicas === 'number' && spec.minReplicas < 1) causes.push(invalid('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
  if (typeof spec.maxReplicas !== 'number' || spec.maxReplicas < 1) causes.push(invalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than 0'));
  else if (typeof spec.minReplicas === 'number' && spec.maxReplicas < spec.minReplicas) causes.push(invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  const ref = spec.scaleTargetRef ?? {};
  if (!ref.kind) causes.push(required('spec.scaleTargetRef.kind'));
  if (!ref.name) causes.push(required('spec.scaleTargetRef.name'));
  return causes;
}

export function validatePdb(pdb: Obj): StatusCause[] {
  const spec = pdb.spec ?? {};
  const causes: StatusCause[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) causes.push(invalid('spec', pdb.spec, 'minAvailable and maxUnavailable cannot be both set'));
  causes.push(...enumOf('spec.unhealthyPodEvictionPolicy', spec.unhealthyPodEvictionPolicy, ['AlwaysAllow', 'IfHealthyBudget']));
  return causes;
}

export function validateBinding(binding: Obj, namespaced: boolean): StatusCause[] {
  const ref = binding.roleRef ?? {};
  const causes: StatusCause[] = [];
  if (!ref.name) causes.push(required('roleRef.name'));
  causes.push(...enumOf('roleRef.kind', ref.kind, namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'], true));
  (binding.subjects ?? []).forEach((s: Obj, i: number) => {
    if (!s.name) causes.push(required(`subjects[${i}].name`));
    causes.push(...enumOf(`subjects[${i}].kind`, s.kind, ['ServiceAccount', 'User', 'Group'], true));
    if (s.kind === 'ServiceAccount' && !namespaced && !s.namespace) causes.push(required(`subjects[${i}].namespace`));
  });
  return causes;
}

export function validateBindingUpdate(binding: Obj, old: Obj): StatusCause[] {
  return JSON.stringify(binding.roleRef ?? null) === JSON.stringify(old.roleRef ?? null)
    ? []
    : [invalid('roleRef', binding.roleRef, 'cannot change roleRef')];
}

export function validateNodeUpdate(node: Obj, old: Obj): StatusCause[] {
  const podCIDR = old.spec?.podCIDR;
  return podCIDR && node.spec?.podCIDR !== podCIDR ? [forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid')] : [];
}

export const validateImmutableSpecField = (obj: Obj, old: Obj, field: string): StatusCause[] =>
  JSON.stringify(obj[field] ?? null) === JSON.stringify(old[field] ?? null) ? [] : [immutable(field, obj[field])];
