// Human messages for why a cluster cannot be used: the sentence next to a red dot.
import type { ContextEntry } from '../kubeconfig/types';
import { RequestFailure } from './kube-request';

export function describeRequestFailure(err: unknown, entry: ContextEntry, shellPath: string): string {
  const server = entry.cluster?.server ?? 'the cluster';
  if (!(err instanceof RequestFailure)) return `cannot reach ${server}: ${(err as Error)?.message ?? String(err)}`;
  if (err.stage === 'network') return `cannot reach ${server}: ${err.message}`;
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
