// The kubeconfig a local terminal's KUBECONFIG points at: the selected context alone (its cluster
// and user as the user's files define them, paths already absolute), so kubectl and helm typed
// there hit the cluster on screen and cannot wander to another context. Mode 0600: it may hold
// tokens or keys.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ContextEntry } from '../kubeconfig/types';

export function contextKubeconfig(entry: ContextEntry): Record<string, unknown> {
  const userName = entry.userName || 'anonymous';
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: entry.clusterName, cluster: entry.cluster ?? {} }],
    users: [{ name: userName, user: entry.user ?? {} }],
    contexts: [{ name: entry.name, context: { ...entry.context, cluster: entry.clusterName, user: userName } }],
    'current-context': entry.name,
  };
}

/** writes the context's kubeconfig into dir (one file per cluster, replaced atomically); returns its path */
export function exportContextKubeconfig(entry: ContextEntry, dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${safeName(entry.id)}.kubeconfig`);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, stringify(contextKubeconfig(entry)), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
  return path;
}

function safeName(id: string): string {
  const base = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+/, '').slice(-80);
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `${base || 'context'}-${hash.toString(16)}`;
}
