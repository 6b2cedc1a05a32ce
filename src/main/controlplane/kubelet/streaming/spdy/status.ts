// What the kubelet writes on an exec's error stream when the command ends. v4.channel.k8s.io
// carries a metav1.Status as JSON (kubectl reads the exit code from its ExitCode cause); the
// older protocols carry only the error text, and nothing on success.

/** the protocol version number of an exec subprotocol: channel.k8s.io (or none) is 1 */
export function execProtocolVersion(protocol: string): number {
  const m = /^v(\d+)\.channel\.k8s\.io$/.exec(protocol);
  return m ? Number(m[1]) : 1;
}

interface Status {
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { causes: { reason?: string; message: string }[] };
  code?: number;
}

/** Go's %v of a []string, as upstream prints the command */
const goList = (argv: string[]): string => `[${argv.join(' ')}]`;

export function exitStatus(argv: string[], exitCode: number): Status {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command ${goList(argv)}, exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** the exec could not start or failed inside the runtime (apierrors.NewInternalError) */
export function internalErrorStatus(err: unknown): Status {
  const inner = `error executing command in container: ${err instanceof Error ? err.message : String(err)}`;
  return {
    metadata: {},
    status: 'Failure',
    message: `Internal error occurred: ${inner}`,
    reason: 'InternalError',
    details: { causes: [{ message: inner }] },
    code: 500,
  };
}

/** the bytes for the error stream, or undefined when this protocol version writes nothing */
export function encodeStatus(version: number, status: Status): Buffer | undefined {
  if (version >= 4) return Buffer.from(JSON.stringify(status));
  return status.status === 'Success' ? undefined : Buffer.from(status.message ?? 'error');
}
