// The admin kubeconfig for the built-in cluster: usable as is by kubectl, client-node and the app.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const LOCAL_CONTEXT = 'wheelhouse-local';

/**
 * A fixed template rather than a YAML library: loading one costs ~100 ms of every start. Each value
 * is written as a JSON string, which YAML reads as a double-quoted scalar, so nothing needs escaping.
 */
export function adminKubeconfig(server: string, caPem: string, token: string): string {
  const q = JSON.stringify;
  const user = `${LOCAL_CONTEXT}-admin`;
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: ${q(LOCAL_CONTEXT)}`,
    '    cluster:',
    `      server: ${q(server)}`,
    `      certificate-authority-data: ${q(Buffer.from(caPem).toString('base64'))}`,
    'users:',
    `  - name: ${q(user)}`,
    '    user:',
    `      token: ${q(token)}`,
    'contexts:',
    `  - name: ${q(LOCAL_CONTEXT)}`,
    '    context:',
    `      cluster: ${q(LOCAL_CONTEXT)}`,
    `      user: ${q(user)}`,
    '      namespace: default',
    `current-context: ${q(LOCAL_CONTEXT)}`,
    'preferences: {}',
    '',
  ].join('\n');
}

/** Written atomically (temp + rename) with owner-only permissions: it holds the admin token. */
export function writeKubeconfig(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, path);
}
