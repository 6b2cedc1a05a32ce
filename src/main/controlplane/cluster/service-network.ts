// The service network of the built-in cluster: the service proxy (kube-proxy's role) and the
// cluster DNS (CoreDNS's role), sharing one client and one set of Service/EndpointSlice caches.
// DNS takes 10.96.0.10:53, the kube-dns ClusterIP pods' resolv.conf names, when this host lets it
// add that address to lo and the port is free; otherwise a free port on 127.0.0.1, and it says so.
import { createHash, randomUUID } from 'node:crypto';
import { SharedInformerFactory, type ApiClient, type Clock, type Logger } from '../client';
import { LoopbackAddresses, ServiceProxy, labelFor, type LocalAddresses } from '../proxy';
import { startClusterDns, type BindAddress } from '../dns';
import { KUBE_DNS_IP } from '../apiserver/bootstrap/kube-dns-service';

export interface ServiceNetworkOptions {
  /** acts as system:kube-proxy */
  client: ApiClient;
  clock: Clock;
  logger: Logger;
  /** the cluster's data folder: addresses it added are labelled after it, and a crashed run's are removed at start */
  dataDir?: string;
  /** default: `ip addr add <ip>/32 dev lo label lo:wh-<id>` where the host allows it */
  addresses?: LocalAddresses;
  /** default: the host's /etc/resolv.conf nameservers */
  upstreams?: string[];
}

export interface ServiceNetwork {
  /** where the cluster DNS answers, "10.96.0.10:53" or "127.0.0.1:<port>" */
  dnsAddress: string;
  proxy: ServiceProxy;
  /** stops both and removes every address added to lo */
  stop(): Promise<void>;
}

/** LoadBalancer ports that were taken are tried again this often (informer resync) */
const RESYNC_MS = 30_000;

export async function startServiceNetwork(o: ServiceNetworkOptions): Promise<ServiceNetwork> {
  const { client, clock, logger } = o;
  const informers = new SharedInformerFactory({ client, clock, logger, resyncPeriodMs: RESYNC_MS });
  const addresses = o.addresses ?? new LoopbackAddresses(logger, labelFor(createHash('sha256').update(o.dataDir ?? randomUUID()).digest('hex')));
  // The data folder is locked by one process, so what its label still holds is a crashed run's.
  if (o.dataDir) for (const ip of await addresses.prune()) logger.warn(`proxy: removed ${ip}/32 from lo, left by an earlier run that did not stop`);
  const binds: BindAddress[] = [{ ip: '127.0.0.1', port: 0 }];
  if (await addresses.ensure(KUBE_DNS_IP)) binds.unshift({ ip: KUBE_DNS_IP, port: 53 });
  const dns = await startClusterDns({ informers, logger, binds, upstreams: o.upstreams });
  const dnsAddress = `${dns.ip}:${dns.port}`;
  if (dns.ip !== KUBE_DNS_IP) {
    logger.warn(`dns: cluster DNS answers on ${dnsAddress}, not ${KUBE_DNS_IP}:53 (${addresses.unavailable ?? 'that address is taken on this host'}); pods cannot resolve Service names`);
    await addresses.release(KUBE_DNS_IP);
  }
  const proxy = new ServiceProxy({ client, informers, clock, logger, addresses });
  proxy.start();
  informers.start();
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    await dns.stop();
    await proxy.stop();
    await informers.shutdown();
    await addresses.releaseAll();
  };
  return { dnsAddress, proxy, stop: () => (stopping ??= stop()) };
}
