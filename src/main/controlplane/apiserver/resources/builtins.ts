// The built-in kinds this API server serves, with the names, short names and categories that
// `kubectl api-resources` shows against a real cluster.
import { ALL_VERBS, type ResourceInfo, type ScaleSubresource } from './types';

const replicasScale: ScaleSubresource = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.status.selector',
};

interface Entry {
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  status?: boolean;
  scale?: ScaleSubresource;
  verbs?: string[];
}

const group = (groupName: string, version: string, entries: Entry[]): ResourceInfo[] =>
  entries.map((e) => ({
    group: groupName,
    version,
    kind: e.kind,
    listKind: `${e.kind}List`,
    plural: e.plural,
    singular: e.kind.toLowerCase(),
    namespaced: e.namespaced,
    shortNames: e.shortNames ?? [],
    categories: e.categories ?? [],
    subresources: { ...(e.status ? { status: true } : {}), ...(e.scale ? { scale: e.scale } : {}) },
    verbs: e.verbs ?? ALL_VERBS,
  }));

const all = ['all'];

export const BUILTIN_RESOURCES: ResourceInfo[] = [
  ...group('', 'v1', [
    { kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'], status: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
    { kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'], categories: all, status: true },
    { kind: 'Service', plural: 'services', namespaced: true, shortNames: ['svc'], categories: all, status: true },
    { kind: 'Endpoints', plural: 'endpoints', namespaced: true, shortNames: ['ep'] },
    { kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'] },
    { kind: 'Secret', plural: 'secrets', namespaced: true },
    { kind: 'Node', plural: 'nodes', namespaced: false, shortNames: ['no'], status: true },
    { kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'] },
    { kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true, shortNames: ['sa'] },
    { kind: 'PersistentVolume', plural: 'persistentvolumes', namespaced: false, shortNames: ['pv'], status: true },
    { kind: 'ComponentStatus', plural: 'componentstatuses', namespaced: false, shortNames: ['cs'], verbs: ['get', 'list'] },
    { kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', namespaced: true, shortNames: ['pvc'], status: true },
    { kind: 'ResourceQuota', plural: 'resourcequotas', namespaced: true, shortNames: ['quota'], status: true },
    { kind: 'LimitRange', plural: 'limitranges', namespaced: true, shortNames: ['limits'] },
  ]),
  ...group('apps', 'v1', [
    { kind: 'Deployment', plural: 'deployments', namespaced: true, shortNames: ['deploy'], categories: all, status: true, scale: replicasScale },
    { kind: 'ReplicaSet', plural: 'replicasets', namespaced: true, shortNames: ['rs'], categories: all, status: true, scale: replicasScale },
    { kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, shortNames: ['sts'], categories: all, status: true, scale: replicasScale },
    { kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, shortNames: ['ds'], categories: all, status: true },
    { kind: 'ControllerRevision', plural: 'controllerrevisions', namespaced: true },
  ]),
  ...group('batch', 'v1', [
    { kind: 'Job', plural: 'jobs', namespaced: true, categories: all, status: true },
    { kind: 'CronJob', plural: 'cronjobs', namespaced: true, shortNames: ['cj'], categories: all, status: true },
  ]),
  ...group('autoscaling', 'v2', [
    { kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', namespaced: true, shortNames: ['hpa'], categories: all, status: true },
  ]),
  ...group('networking.k8s.io', 'v1', [
    { kind: 'Ingress', plural: 'ingresses', namespaced: true, shortNames: ['ing'], status: true },
    { kind: 'IngressClass', plural: 'ingressclasses', namespaced: false },
    { kind: 'NetworkPolicy', plural: 'networkpolicies', namespaced: true, shortNames: ['netpol'] },
  ]),
  ...group('discovery.k8s.io', 'v1', [{ kind: 'EndpointSlice', plural: 'endpointslices', namespaced: true }]),
  ...group('policy', 'v1', [
    { kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true, shortNames: ['pdb'], status: true },
  ]),
  ...group('rbac.authorization.k8s.io', 'v1', [
    { kind: 'Role', plural: 'roles', namespaced: true },
    { kind: 'ClusterRole', plural: 'clusterroles', namespaced: false },
    { kind: 'RoleBinding', plural: 'rolebindings', namespaced: true },
    { kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', namespaced: false },
  ]),
  ...group('scheduling.k8s.io', 'v1', [{ kind: 'PriorityClass', plural: 'priorityclasses', namespaced: false, shortNames: ['pc'] }]),
  // reviews are answered, never stored
  ...group('authorization.k8s.io', 'v1', [
    { kind: 'SelfSubjectAccessReview', plural: 'selfsubjectaccessreviews', namespaced: false, verbs: ['create'] },
    { kind: 'SelfSubjectRulesReview', plural: 'selfsubjectrulesreviews', namespaced: false, verbs: ['create'] },
    { kind: 'SubjectAccessReview', plural: 'subjectaccessreviews', namespaced: false, verbs: ['create'] },
  ]),
  ...group('authentication.k8s.io', 'v1', [
    { kind: 'SelfSubjectReview', plural: 'selfsubjectreviews', namespaced: false, verbs: ['create'] },
    { kind: 'TokenReview', plural: 'tokenreviews', namespaced: false, verbs: ['create'] },
  ]),
  ...group('storage.k8s.io', 'v1', [{ kind: 'StorageClass', plural: 'storageclasses', namespaced: false, shortNames: ['sc'] }]),
  ...group('coordination.k8s.io', 'v1', [{ kind: 'Lease', plural: 'leases', namespaced: true }]),
  ...group('events.k8s.io', 'v1', [{ kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'] }]),
  ...group('apiextensions.k8s.io', 'v1', [
    { kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions', namespaced: false, shortNames: ['crd', 'crds'], categories: ['api-extensions'], status: true },
  ]),
];
