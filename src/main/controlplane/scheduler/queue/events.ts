// Which cluster changes may make a pod schedulable again, by the plugin that rejected it — a
// coarse version of upstream's queueing hints, enough to avoid retrying pods for no reason.

export type ClusterEvent = 'NodeAdd' | 'NodeUpdate' | 'AssignedPodAdd' | 'AssignedPodUpdate' | 'AssignedPodDelete' | 'NamespaceChange';

const HELPS: Record<ClusterEvent, Set<string> | 'all'> = {
  NodeAdd: 'all',
  NodeUpdate: 'all',
  AssignedPodAdd: new Set(['InterPodAffinity', 'PodTopologySpread']),
  AssignedPodUpdate: new Set(['NodeResourcesFit', 'InterPodAffinity', 'PodTopologySpread']),
  AssignedPodDelete: new Set(['NodeResourcesFit', 'NodePorts', 'InterPodAffinity', 'PodTopologySpread']),
  NamespaceChange: new Set(['InterPodAffinity']),
};

/** A pod rejected by no known plugin (an error) is always worth another try. */
export function mayHelp(event: ClusterEvent, rejectors: Set<string>): boolean {
  const helps = HELPS[event];
  if (helps === 'all' || rejectors.size === 0) return true;
  for (const r of rejectors) if (helps.has(r)) return true;
  return false;
}
