// The kinds a cluster serves (for the sidebar), reloaded when the cluster comes online.
import type { ClusterSummary, ResourceKind } from '../../shared/bridge/types';
import { useBridge } from '../bridge/context';
import { useCall } from '../hooks/useCall';

export function useKinds(cluster?: ClusterSummary) {
  const client = useBridge();
  const online = cluster?.state === 'online';
  const kinds = useCall<ResourceKind[]>(cluster && online ? `${cluster.id}` : null, () => client.call('resources.kinds', { clusterId: cluster!.id }));
  const namespaces = useCall<string[]>(cluster && online ? `${cluster.id}` : null, () => client.call('namespaces.list', { clusterId: cluster!.id }));
  return { kinds, namespaces };
}

/** the kind to show first: Pods if the cluster has them */
export function defaultKind(kinds: ResourceKind[]): ResourceKind | undefined {
  return kinds.find((k) => k.kind === 'Pod' && k.group === '') ?? kinds[0];
}
