// Merges kubeconfig files the way kubectl does (client-go's ClientConfigLoadingRules.Load):
// for clusters, users and contexts the FIRST file that defines a name wins, whole entry;
// current-context comes from the first file that sets it; preferences likewise.
import type { KubeCluster, KubeContext, KubeUser, KubeconfigFile } from './types';

export interface Sourced<T> {
  value: T;
  /** the file the entry came from */
  source: string;
}

export interface MergedKubeconfig {
  clusters: Map<string, Sourced<KubeCluster>>;
  users: Map<string, Sourced<KubeUser>>;
  contexts: Map<string, Sourced<KubeContext>>;
  currentContext?: string;
  preferences?: Record<string, unknown>;
}

export function mergeKubeconfigs(files: KubeconfigFile[]): MergedKubeconfig {
  const merged: MergedKubeconfig = { clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const file of files) {
    addMissing(merged.clusters, file.clusters, file.path);
    addMissing(merged.users, file.users, file.path);
    addMissing(merged.contexts, file.contexts, file.path);
    merged.currentContext ??= file.currentContext;
    if (merged.preferences === undefined && file.preferences && Object.keys(file.preferences).length > 0) merged.preferences = file.preferences;
  }
  return merged;
}

function addMissing<T>(into: Map<string, Sourced<T>>, from: Map<string, T>, source: string): void {
  for (const [name, value] of from) if (!into.has(name)) into.set(name, { value, source });
}
