// Aggregated discovery (apidiscovery.k8s.io/v2, Kubernetes 1.27+): all groups, versions and
// resources in one answer each from /api and /apis. The first version listed is the preferred one.
import type { DiscoveredResource } from './discovered';

export const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface GroupDiscovery {
  metadata?: { name?: string };
  versions?: {
    version: string;
    resources?: { resource: string; responseKind?: { kind?: string }; scope?: string; verbs?: string[]; shortNames?: string[] }[];
  }[];
}

/** undefined when the answer is not an APIGroupDiscoveryList (an older server: use the legacy walk) */
export function parseAggregated(body: string): DiscoveredResource[] | undefined {
  let list: { kind?: string; items?: GroupDiscovery[] };
  try {
    list = JSON.parse(body) as typeof list;
  } catch {
    return undefined;
  }
  if (list.kind !== 'APIGroupDiscoveryList') return undefined;
  const out: DiscoveredResource[] = [];
  for (const group of list.items ?? []) {
    const preferred = group.versions?.[0];
    if (!preferred) continue;
    for (const r of preferred.resources ?? []) {
      // subresources are listed apart in v2, so every entry here is a top-level resource
      if (!r.responseKind?.kind) continue;
      out.push({
        group: group.metadata?.name ?? '',
        version: preferred.version,
        kind: r.responseKind.kind,
        plural: r.resource,
        namespaced: r.scope === 'Namespaced',
        verbs: r.verbs ?? [],
        ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
      });
    }
  }
  return out;
}
