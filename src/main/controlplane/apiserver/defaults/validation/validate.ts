// Semantic validation per kind: which name rule, which spec checks, which update rules.
import type { StatusCause } from '../../../../../shared/k8s/status';
import type { ResourceInfo } from '../../resources/types';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateSelectorUpdate, validateStatefulSet, validateStatefulSetUpdate } from './apps';
import { validateCronJob, validateJob, validateJobUpdate } from './batch';
import { validateConfigMap, validateImmutableData, validateSecret, validateSecretUpdate } from './data';
import { validateObjectMeta, validateObjectMetaUpdate, type NameValidator } from './meta';
import {
  validateBinding, validateBindingUpdate, validateHpa, validateImmutableSpecField, validateNodeUpdate, validatePdb, validatePv, validatePvc, validatePvcUpdate,
} from './misc';
import { validateIngress, validateIngressClass, validateNetworkPolicy, validateStorageClass } from './networking';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isPathSegmentName } from './names';
import { validatePodSpec, validatePodUpdate } from './pod';
import { validatePriorityClass, validatePriorityClassUpdate } from './priority-class';
import { validateService, validateServiceUpdate } from './service';

type Obj = Record<string, any>;
type Check = (obj: Obj, resource: ResourceInfo) => StatusCause[];
type UpdateCheck = (obj: Obj, old: Obj) => StatusCause[];

const subdomain: NameValidator = (v) => isDns1123Subdomain(v);
const label: NameValidator = (v) => isDns1123Label(v);
const dns1035: NameValidator = (v) => isDns1035Label(v);
const pathSegment: NameValidator = (v, prefix) => (prefix ? [] : isPathSegmentName(v));

const NAME_RULES: Record<string, NameValidator> = {
  '/Namespace': label,
  '/Service': dns1035,
  'rbac.authorization.k8s.io/Role': pathSegment,
  'rbac.authorization.k8s.io/ClusterRole': pathSegment,
  'rbac.authorization.k8s.io/RoleBinding': pathSegment,
  'rbac.authorization.k8s.io/ClusterRoleBinding': pathSegment,
};

const CREATE_CHECKS: Record<string, Check> = {
  '/Pod': (o) => validatePodSpec(o.spec, 'spec'),
  '/Service': (o) => validateService(o),
  '/ConfigMap': (o) => validateConfigMap(o),
  '/Secret': (o) => validateSecret(o),
  '/PersistentVolumeClaim': (o) => validatePvc(o),
  '/PersistentVolume': (o) => validatePv(o),
  'apps/Deployment': (o) => validateDeployment(o),
  'apps/ReplicaSet': (o) => validateReplicaSet(o),
  'apps/StatefulSet': (o) => validateStatefulSet(o),
  'apps/DaemonSet': (o) => validateDaemonSet(o),
  'batch/Job': (o) => validateJob(o),
  'batch/CronJob': (o) => validateCronJob(o),
  'autoscaling/HorizontalPodAutoscaler': (o) => validateHpa(o),
  'policy/PodDisruptionBudget': (o) => validatePdb(o),
  'networking.k8s.io/Ingress': (o) => validateIngress(o),
  'networking.k8s.io/IngressClass': (o) => validateIngressClass(o),
  'networking.k8s.io/NetworkPolicy': (o) => validateNetworkPolicy(o),
  'storage.k8s.io/StorageClass': (o) => validateStorageClass(o),
  'rbac.authorization.k8s.io/RoleBinding': (o) => validateBinding(o, true),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (o) => validateBinding(o, false),
  'scheduling.k8s.io/PriorityClass': (o) => validatePriorityClass(o),
};

const UPDATE_CHECKS: Record<string, UpdateCheck> = {
  '/Pod': validatePodUpdate,
  '/Service': validateServiceUpdate,
  '/ConfigMap': (o, old) => validateImmutableData(o, old, ['data', 'binaryData']),
  '/Secret': validateSecretUpdate,
  '/PersistentVolumeClaim': validatePvcUpdate,
  '/Node': validateNodeUpdate,
  'apps/Deployment': validateSelectorUpdate,
  'apps/ReplicaSet': validateSelectorUpdate,
  'apps/DaemonSet': validateSelectorUpdate,
  'apps/StatefulSet': validateStatefulSetUpdate,
  'batch/Job': validateJobUpdate,
  'rbac.authorization.k8s.io/RoleBinding': validateBindingUpdate,
  'rbac.authorization.k8s.io/ClusterRoleBinding': validateBindingUpdate,
  'scheduling.k8s.io/PriorityClass': validatePriorityClassUpdate,
  'storage.k8s.io/StorageClass': (o, old) => ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'].flatMap((f) => validateImmutableSpecField(o, old, f)),
};

/** Upstream's ErrorList.ToAggregate drops repeated messages; so do we. */
function unique(causes: StatusCause[]): StatusCause[] {
  const seen = new Set<string>();
  return causes.filter((c) => {
    const k = `${c.field}: ${c.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function validateObject(resource: ResourceInfo, obj: Obj, old?: Obj): StatusCause[] {
  const key = `${resource.group}/${resource.kind}`;
  const causes = validateObjectMeta(resource, obj, NAME_RULES[key] ?? subdomain);
  if (resource.custom) return unique(old ? [...causes, ...validateObjectMetaUpdate(obj, old)] : causes);
  causes.push(...(CREATE_CHECKS[key]?.(obj, resource) ?? []));
  if (old) causes.push(...validateObjectMetaUpdate(obj, old), ...(UPDATE_CHECKS[key]?.(obj, old) ?? []));
  return unique(causes);
}
