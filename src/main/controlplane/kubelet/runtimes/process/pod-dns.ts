// A pod's resolv.conf as kubelet's dns.Configurer works it out from dnsPolicy and dnsConfig:
// ClusterFirst → the cluster DNS (10.96.0.10, served by ../../../dns) with kubelet's search list
// and ndots:5; Default → the host's resolv.conf; None → dnsConfig alone. hostNetwork pods with
// ClusterFirst fall back to Default, as upstream, unless they ask for ClusterFirstWithHostNet.
import { readFileSync } from 'node:fs';

type Obj = Record<string, any>;

export const CLUSTER_DNS_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';

export interface PodDns {
  nameservers: string[];
  searches: string[];
  options: string[];
}

export function hostResolvConf(text = safeRead('/etc/resolv.conf')): PodDns {
  const dns: PodDns = { nameservers: [], searches: [], options: [] };
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) dns.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') dns.searches.push(...rest);
    else if (key === 'options') dns.options.push(...rest);
  }
  return dns;
}

export function podDns(pod: Obj, host: PodDns = hostResolvConf(), clusterDNS = CLUSTER_DNS_IP, domain = CLUSTER_DOMAIN): PodDns {
  const policy: string = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const hostNet = !!pod.spec?.hostNetwork;
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !hostNet);
  const ns: string = pod.metadata?.namespace ?? 'default';
  let base: PodDns;
  if (policy === 'None') base = { nameservers: [], searches: [], options: [] };
  else if (cluster) base = { nameservers: [clusterDNS], searches: [`${ns}.svc.${domain}`, `svc.${domain}`, domain, ...host.searches], options: ['ndots:5'] };
  else base = { ...host };
  const cfg: Obj = pod.spec?.dnsConfig ?? {};
  const options = new Map<string, string>();
  for (const o of [...base.options, ...(cfg.options ?? []).map((o: Obj) => (o.value === undefined ? o.name : `${o.name}:${o.value}`))]) options.set(String(o).split(':')[0], String(o));
  return {
    nameservers: unique([...base.nameservers, ...(cfg.nameservers ?? [])]).slice(0, 3),
    searches: unique([...base.searches, ...(cfg.searches ?? [])]).slice(0, 32),
    options: [...options.values()],
  };
}

const unique = (xs: string[]): string[] => [...new Set(xs)];

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
