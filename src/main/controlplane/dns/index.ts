// The built-in cluster's DNS server (the CoreDNS role). See README.md.
import type { Logger, SharedInformerFactory } from '../client';
import { type BindAddress, type DnsServer, startDnsServer } from './dns-server';
import { Forwarder, hostUpstreams } from './forwarder';
import { ClusterRecords } from './records';
import { Responder } from './responder';

export { ClusterRecords, TTL } from './records';
export { Forwarder, hostUpstreams, upstreamsFrom } from './forwarder';
export { Responder } from './responder';
export { CLUSTER_DOMAIN } from './names';
export type { BindAddress, DnsServer } from './dns-server';

export interface ClusterDnsOptions {
  informers: SharedInformerFactory;
  logger: Logger;
  /** tried in order; the first that binds (UDP and TCP) wins */
  binds: BindAddress[];
  /** default: the host's /etc/resolv.conf nameservers, minus the bind addresses */
  upstreams?: string[];
}

/** answers from the informers' caches; call the factory's start() for them to fill */
export function startClusterDns(o: ClusterDnsOptions): Promise<DnsServer> {
  const records = new ClusterRecords(o.informers);
  const forwarder = new Forwarder(o.upstreams ?? hostUpstreams(o.binds.map((b) => b.ip)));
  return startDnsServer(new Responder(records, forwarder), o.binds, o.logger);
}
