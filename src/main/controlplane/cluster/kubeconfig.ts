// The admin kubeconfig for the built-in cluster: usable as is by kubectl, client-node and the app.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export const LOCAL_CONTEXT = 'wheelhouse-local';

export function adminKubeconfig(server: string, caPem: string, token: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: LOCAL_CONTEXT, cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: `${LOCAL_CONTEXT}-admin`, user: { token } }],
    contexts: [{ name: LOCAL_CONTEXT, context: { cluster: LOCAL_CONTEXT, user: `${LOCAL_CONTEXT}-admin`, namespace: 'default' } }],
    'current-context': LOCAL_CONTEXT,
    preferences: {},
  });
}

/** Written atomically (temp + rename) with owner-only permissions: it holds the admin token. */
export function writeKubeconfig(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, path);
}
