// Turns a merged kubeconfig into the contexts the app lists: each context with its cluster and
// user looked up by name in the same merge, as kubectl does when you switch to it.
import type { ContextEntry } from './types';
import type { MergedKubeconfig } from './merge';

export function contextEntries(merged: MergedKubeconfig): ContextEntry[] {
  const entries: ContextEntry[] = [];
  for (const [name, { value: context, source }] of merged.contexts) {
    entries.push({
      id: `${source}#${name}`,
      source,
      name,
      context,
      clusterName: context.cluster ?? '',
      userName: context.user ?? '',
      cluster: merged.clusters.get(context.cluster)?.value,
      user: merged.users.get(context.user)?.value,
      builtIn: false,
    });
  }
  return entries;
}
