// Which sidebar section a kind belongs in. Built-in kinds by resource name, as Lens and Headlamp
// group them; every CRD-served kind under "Custom resources"; anything else under "Other".

export const CATEGORY_ORDER = ['Workloads', 'Network', 'Config', 'Storage', 'Access', 'Cluster', 'Custom resources', 'Other'] as const;

const BY_PLURAL: Record<string, (typeof CATEGORY_ORDER)[number]> = {};
const put = (category: (typeof CATEGORY_ORDER)[number], plurals: string[]) => plurals.forEach((p) => (BY_PLURAL[p] = category));
put('Workloads', ['pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'replicationcontrollers']);
put('Network', ['services', 'endpoints', 'endpointslices', 'ingresses', 'ingressclasses', 'networkpolicies']);
put('Config', ['configmaps', 'secrets', 'resourcequotas', 'limitranges', 'horizontalpodautoscalers', 'poddisruptionbudgets', 'priorityclasses', 'leases', 'runtimeclasses']);
put('Storage', ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'volumeattachments', 'csidrivers', 'csinodes', 'csistoragecapacities', 'volumeattributesclasses']);
put('Access', ['serviceaccounts', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings']);
put('Cluster', [
  'nodes',
  'namespaces',
  'events',
  'customresourcedefinitions',
  'apiservices',
  'componentstatuses',
  'mutatingwebhookconfigurations',
  'validatingwebhookconfigurations',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'certificatesigningrequests',
  'flowschemas',
  'prioritylevelconfigurations',
]);

/** groups Kubernetes itself serves (a CRD can still live in a *.k8s.io group: the CRD list decides) */
const isBuiltInGroup = (group: string): boolean => ['', 'apps', 'batch', 'autoscaling', 'policy'].includes(group) || group === 'k8s.io' || group.endsWith('.k8s.io');

export function categoryOf(group: string, plural: string, servedByCrd: boolean): string {
  if (servedByCrd) return 'Custom resources';
  if (isBuiltInGroup(group)) return BY_PLURAL[plural] ?? 'Other';
  // an unknown group without a CRD list (it may be forbidden) is most likely a CRD's
  return 'Custom resources';
}

export const categoryRank = (category: string): number => {
  const i = (CATEGORY_ORDER as readonly string[]).indexOf(category);
  return i < 0 ? CATEGORY_ORDER.length : i;
};
