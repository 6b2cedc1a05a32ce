// Where a Service port is reachable on this host, and the shared shape of its listeners.
export type Protocol = 'TCP' | 'UDP';

/** cluster: ClusterIP:port; node: 127.0.0.1:nodePort; lb: 127.0.0.1:port for type LoadBalancer */
export type FrontendRole = 'cluster' | 'node' | 'lb';

export interface Frontend {
  protocol: Protocol;
  ip: string;
  port: number;
  role: FrontendRole;
}

export const frontendKey = (f: Pick<Frontend, 'protocol' | 'ip' | 'port'>): string => `${f.protocol}/${f.ip}:${f.port}`;

export interface Listener {
  /** stops accepting; dropConnections also ends the connections already proxied */
  close(dropConnections: boolean): Promise<void>;
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1" */
export const plainIp = (address: string | undefined): string => (address ?? '').replace(/^::ffff:/, '');
