// What a user should know about a context before trusting it: shown under the cluster's name.
import { existsSync } from 'node:fs';
import type { ContextEntry } from './types';

/** auth providers client-node can run; others (e.g. removed in-tree gcp/azure in kubectl ≥1.26) need an exec plugin */
const KNOWN_AUTH_PROVIDERS = new Set(['oidc', 'gcp', 'azure', 'tokenFile']);

export function contextWarnings(entry: ContextEntry): string[] {
  const warnings: string[] = [];
  const { cluster, user } = entry;
  if (!cluster && entry.clusterName) warnings.push(`cluster "${entry.clusterName}" is not defined in any kubeconfig`);
  if (!user && entry.userName) warnings.push(`user "${entry.userName}" is not defined in any kubeconfig`);
  if (cluster?.['insecure-skip-tls-verify'] === true) warnings.push("insecure-skip-tls-verify is set: the server's identity is not checked");
  const files: [string, unknown][] = [
    ['certificate-authority', cluster?.['certificate-authority']],
    ['client-certificate', user?.['client-certificate']],
    ['client-key', user?.['client-key']],
    ['tokenFile', user?.tokenFile],
  ];
  for (const [field, path] of files) {
    if (typeof path === 'string' && path !== '' && !existsSync(path)) warnings.push(`${field} file ${path} does not exist`);
  }
  const provider = user?.['auth-provider']?.name;
  if (provider && !KNOWN_AUTH_PROVIDERS.has(provider)) warnings.push(`auth provider "${provider}" is not supported; use an exec credential plugin instead`);
  return warnings;
}
