// Human messages for why a cluster cannot be used: the sentence next to a red dot.
import type { ContextEntry } from '../kubeconfig/types';
import { RequestFailure } from './kube-request';

const TLS_TRUST = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);

export function describeRequestFailure(err: unknown, entry: ContextEntry, shellPath: string): string {
  const server = entry.cluster?.server ?? 'the cluster';
  if (!(err instanceof RequestFailure)) return `cannot reach ${server}: ${(err as Error)?.message ?? String(err)}`;
  if (err.stage === 'network') {
    const code = (err.cause as NodeJS.ErrnoException | undefined)?.code ?? '';
    if (TLS_TRUST.has(code)) return `the certificate of ${server} is not trusted: ${err.message} (check certificate-authority in the kubeconfig)`;
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the certificate of ${server} is for another name: ${err.message} (tls-server-name can set the expected name)`;
    if (code === 'CERT_HAS_EXPIRED') return `the certificate of ${server} has expired`;
    return `cannot reach ${server}: ${err.message}`;
  }
  const exec = entry.user?.exec;
  const cause = err.cause as NodeJS.ErrnoException | undefined;
  if (exec && cause?.code === 'ENOENT') {
    return `exec plugin "${exec.command}" not found on PATH (looked in the login shell's PATH: ${shellPath})`;
  }
  if (exec) return `exec plugin "${exec.command}" failed: ${err.message.trim() || 'it exited with an error'}`;
  return `could not get credentials for user "${entry.userName}": ${err.message}`;
}

/** the server's Status message, if the body is one */
export function statusMessage(body: string): string | undefined {
  try {
    const status = JSON.parse(body) as { kind?: string; message?: string };
    return status.kind === 'Status' ? status.message : undefined;
  } catch {
    return undefined;
  }
}
