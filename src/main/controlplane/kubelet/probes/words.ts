// Go's wording of network errors, which upstream's probe messages carry ("dial tcp 10.244.0.5:8080:
// connect: connection refused"), so events read the same as on any cluster.

export const hostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

const SYSCALL_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connect: connection refused',
  EHOSTUNREACH: 'connect: no route to host',
  ENETUNREACH: 'connect: network is unreachable',
  ECONNRESET: 'read: connection reset by peer',
  ETIMEDOUT: 'i/o timeout',
  EPIPE: 'write: broken pipe',
};

/** `dial tcp <addr>: connect: connection refused` and friends */
export const dialError = (address: string, err: NodeJS.ErrnoException): string => {
  const words = (err.code && SYSCALL_WORDS[err.code]) ?? err.message;
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return `dial tcp: lookup ${address.replace(/:\d+$/, '')}: no such host`;
  return `dial tcp ${address}: ${words}`;
};
