// Which defaulting function serves which kind, keyed "group/Kind".
import type { ResourceInfo } from '../resources/types';
import { defaultBinding, defaultHpa, defaultNamespace, defaultNode, defaultSecret } from './core';
import { defaultEndpointSlice, defaultEndpoints, defaultNetworkPolicy, defaultService } from './network';
import { defaultPod } from './pod';
import { defaultPodSpec } from './pod-spec';
import { defaultPv, defaultPvc, defaultStorageClass } from './storage';
import type { Obj } from './util';
import { child } from './util';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultStatefulSet } from './workloads';

const DEFAULTERS: Record<string, (obj: Obj) => void> = {
  '/Pod': defaultPod,
  '/PodTemplate': (pt) => defaultPodSpec(child(child(pt, 'template'), 'spec')),
  '/Service': defaultService,
  '/Endpoints': defaultEndpoints,
  '/Namespace': defaultNamespace,
  '/Secret': defaultSecret,
  '/Node': defaultNode,
  '/PersistentVolume': defaultPv,
  '/PersistentVolumeClaim': defaultPvc,
  'apps/Deployment': defaultDeployment,
  'apps/ReplicaSet': defaultReplicaSet,
  'apps/StatefulSet': defaultStatefulSet,
  'apps/DaemonSet': defaultDaemonSet,
  'batch/Job': defaultJob,
  'batch/CronJob': defaultCronJob,
  'autoscaling/HorizontalPodAutoscaler': defaultHpa,
  'networking.k8s.io/NetworkPolicy': defaultNetworkPolicy,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice,
  'rbac.authorization.k8s.io/RoleBinding': defaultBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': defaultBinding,
  'storage.k8s.io/StorageClass': defaultStorageClass,
  'scheduling.k8s.io/PriorityClass': (pc) => {
    if (!pc.preemptionPolicy) pc.preemptionPolicy = 'PreemptLowerPriority';
  },
};

export function applyDefaults(resource: ResourceInfo, obj: Obj): void {
  if (resource.custom) return;
  DEFAULTERS[`${resource.group}/${resource.kind}`]?.(obj);
}
