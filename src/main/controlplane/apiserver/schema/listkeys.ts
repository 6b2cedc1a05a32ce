// The official list and patch metadata (x-kubernetes-patch-strategy, -patch-merge-key, -list-type,
// -list-map-keys) of the Kubernetes 1.34 OpenAPI spec. The client-node models drop these, and
// strategic merge patch and server-side apply cannot work without them, so they are kept here,
// copied from the struct tags of k8s.io/api (patchStrategy/patchMergeKey/listType/listMapKey).
//   strategy: x-kubernetes-patch-strategy   key: x-kubernetes-patch-merge-key
//   list: x-kubernetes-list-type            keys: x-kubernetes-list-map-keys (defaults to [key])

export interface ListMeta {
  strategy?: string;
  key?: string;
  list?: 'atomic' | 'set' | 'map';
  keys?: string[];
}

const CORE = 'io.k8s.api.core.v1.';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const APPS = 'io.k8s.api.apps.v1.';

const byName: ListMeta = { strategy: 'merge', key: 'name', list: 'map' };
const byType: ListMeta = { strategy: 'merge', key: 'type', list: 'map' };
const byIp: ListMeta = { strategy: 'merge', key: 'ip', list: 'map' };
const atomic: ListMeta = { list: 'atomic' };
const mergeSet: ListMeta = { strategy: 'merge', list: 'set' };

const containerLists: Record<string, ListMeta> = {
  ports: { strategy: 'merge', key: 'containerPort', list: 'map', keys: ['containerPort', 'protocol'] },
  env: byName,
  volumeMounts: { strategy: 'merge', key: 'mountPath', list: 'map' },
  volumeDevices: { strategy: 'merge', key: 'devicePath', list: 'map' },
  resizePolicy: atomic,
  envFrom: atomic,
  command: atomic,
  args: atomic,
};

/** definition name → field → list (or, for strategy alone, map) metadata */
export const LIST_META: Record<string, Record<string, ListMeta>> = {
  [`${META}ObjectMeta`]: {
    finalizers: mergeSet,
    ownerReferences: { strategy: 'merge', key: 'uid', list: 'map' },
    managedFields: atomic,
  },
  [`${CORE}PodSpec`]: {
    volumes: { strategy: 'merge,retainKeys', key: 'name', list: 'map' },
    initContainers: byName,
    containers: byName,
    ephemeralContainers: byName,
    imagePullSecrets: byName,
    hostAliases: { strategy: 'merge', key: 'ip', list: 'map' },
    topologySpreadConstraints: { strategy: 'merge', key: 'topologyKey', list: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
    resourceClaims: { strategy: 'merge,retainKeys', key: 'name', list: 'map' },
    schedulingGates: byName,
    tolerations: atomic,
    readinessGates: atomic,
  },
  [`${CORE}Container`]: containerLists,
  [`${CORE}EphemeralContainer`]: containerLists,
  [`${CORE}ResourceRequirements`]: { claims: { list: 'map', keys: ['name'] } },
  [`${CORE}PodStatus`]: {
    conditions: byType,
    podIPs: byIp,
    hostIPs: { strategy: 'merge', key: 'ip', list: 'atomic' },
    containerStatuses: atomic,
    initContainerStatuses: atomic,
    ephemeralContainerStatuses: atomic,
    resourceClaimStatuses: byName,
  },
  [`${CORE}ContainerStatus`]: {
    volumeMounts: { strategy: 'merge', key: 'mountPath', list: 'map' },
    allocatedResourcesStatus: byName,
  },
  [`${CORE}ServiceSpec`]: {
    ports: { strategy: 'merge', key: 'port', list: 'map', keys: ['port', 'protocol'] },
    clusterIPs: atomic,
    ipFamilies: atomic,
    externalIPs: atomic,
    loadBalancerSourceRanges: atomic,
  },
  [`${CORE}ServiceStatus`]: { conditions: byType },
  [`${CORE}LoadBalancerStatus`]: { ingress: atomic },
  [`${CORE}NodeSpec`]: { podCIDRs: mergeSet, taints: atomic },
  [`${CORE}NodeStatus`]: { conditions: byType, addresses: byType, images: atomic, volumesInUse: atomic, volumesAttached: atomic },
  [`${CORE}NamespaceStatus`]: { conditions: byType },
  [`${CORE}PersistentVolumeClaimStatus`]: { conditions: byType },
  [`${CORE}ServiceAccount`]: { secrets: byName, imagePullSecrets: atomic },
  [`${CORE}EndpointSubset`]: { addresses: atomic, notReadyAddresses: atomic, ports: atomic },
  [`${CORE}Endpoints`]: { subsets: atomic },
  [`${APPS}DeploymentStatus`]: { conditions: byType },
  [`${APPS}ReplicaSetStatus`]: { conditions: byType },
  [`${APPS}StatefulSetStatus`]: { conditions: byType },
  [`${APPS}DaemonSetStatus`]: { conditions: byType },
  [`${APPS}StatefulSetSpec`]: { volumeClaimTemplates: atomic },
  // kubectl apply sends $retainKeys for it: switching to Recreate drops rollingUpdate
  [`${APPS}DeploymentSpec`]: { strategy: { strategy: 'retainKeys' } },
  // a new selector replaces the old one whole instead of merging into it
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec': { selector: { strategy: 'replace' } },
  'io.k8s.api.batch.v1.JobStatus': { conditions: { strategy: 'merge', key: 'type', list: 'atomic' } },
  'io.k8s.api.batch.v1.CronJobStatus': { active: atomic },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus': { conditions: byType, currentMetrics: atomic },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec': { metrics: atomic },
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus': { conditions: byType },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus': { conditions: { list: 'map', keys: ['type'] } },
  'io.k8s.api.networking.v1.IngressSpec': { rules: atomic, tls: atomic },
  'io.k8s.api.discovery.v1.EndpointSlice': { endpoints: atomic, ports: atomic },
  'io.k8s.api.discovery.v1.Endpoint': { addresses: { list: 'set' } },
  'io.k8s.api.rbac.v1.ClusterRole': { rules: atomic },
  'io.k8s.api.rbac.v1.Role': { rules: atomic },
  'io.k8s.api.rbac.v1.RoleBinding': { subjects: atomic },
  'io.k8s.api.rbac.v1.ClusterRoleBinding': { subjects: atomic },
};

/** Structs marked `+structType=atomic` upstream (x-kubernetes-map-type: atomic): set and owned whole. */
export const ATOMIC_STRUCTS = [
  `${META}LabelSelector`,
  `${META}OwnerReference`,
  ...['SecretReference', 'FileKeySelector', 'ObjectFieldSelector', 'ResourceFieldSelector', 'ConfigMapKeySelector', 'SecretKeySelector']
    .concat(['NodeSelector', 'NodeSelectorTerm', 'TopologySelectorTerm', 'EndpointAddress', 'EndpointPort', 'ObjectReference'])
    .concat(['LocalObjectReference', 'TypedLocalObjectReference', 'ScopeSelector'])
    .map((t) => `${CORE}${t}`),
  'io.k8s.api.networking.v1.ServiceBackendPort',
  'io.k8s.api.discovery.v1.EndpointPort',
  'io.k8s.api.rbac.v1.Subject',
  'io.k8s.api.rbac.v1.RoleRef',
];

/** Sets the x-kubernetes-* list and map extensions on `definitions`, in place. */
export function attachListMeta(definitions: Record<string, any>): void {
  for (const name of ATOMIC_STRUCTS) if (definitions[name]) definitions[name]['x-kubernetes-map-type'] = 'atomic';
  for (const [def, fields] of Object.entries(LIST_META)) {
    const props = definitions[def]?.properties;
    if (!props) continue;
    for (const [field, meta] of Object.entries(fields)) {
      const prop = props[field];
      if (!prop) continue;
      if (meta.strategy) prop['x-kubernetes-patch-strategy'] = meta.strategy;
      if (meta.key) prop['x-kubernetes-patch-merge-key'] = meta.key;
      if (meta.list) prop['x-kubernetes-list-type'] = meta.list;
      if (meta.list === 'map') prop['x-kubernetes-list-map-keys'] = meta.keys ?? [meta.key];
    }
  }
}
