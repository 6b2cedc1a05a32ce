// How a query name inside the cluster domain is read, as CoreDNS's kubernetes plugin reads it:
//   <svc>.<ns>.svc.<zone>                  a Service
//   <host>.<svc>.<ns>.svc.<zone>           one endpoint of a (headless) Service, by hostname or dashed IP
//   _<port>._<proto>.<svc>.<ns>.svc.<zone> SRV for a named port
//   <a-b-c-d>.<ns>.pod.<zone>              a pod by its dashed IP
// Pure: no lookups here.
export const CLUSTER_DOMAIN = 'cluster.local';

export type ClusterName =
  | { kind: 'service'; service: string; namespace: string }
  | { kind: 'endpoint'; host: string; service: string; namespace: string }
  | { kind: 'srv'; port: string; protocol: string; service: string; namespace: string }
  | { kind: 'pod'; ip: string; namespace: string }
  /** a name above the records (the zone, svc.<zone>, <ns>.svc.<zone>): it exists, with no A records */
  | { kind: 'apex' }
  /** inside the zone but no shape above: NXDOMAIN */
  | { kind: 'invalid' };

/** lower-case, no trailing dot */
export const normalize = (name: string): string => name.toLowerCase().replace(/\.$/, '');

const dashedIp = (label: string): string | undefined => {
  const parts = label.split('-');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255) ? parts.join('.') : undefined;
};

/** undefined when the name is outside the cluster domain (to be forwarded) */
export function parseClusterName(name: string, zone = CLUSTER_DOMAIN): ClusterName | undefined {
  const n = normalize(name);
  if (n === zone) return { kind: 'apex' };
  if (!n.endsWith(`.${zone}`)) return undefined;
  const labels = n.slice(0, -zone.length - 1).split('.');
  const type = labels.pop();
  if (type === 'svc') return serviceName(labels);
  if (type === 'pod') {
    if (labels.length <= 1) return { kind: 'apex' };
    const ip = labels.length === 2 ? dashedIp(labels[0]) : undefined;
    return ip ? { kind: 'pod', ip, namespace: labels[1] } : { kind: 'invalid' };
  }
  return { kind: 'invalid' };
}

function serviceName(labels: string[]): ClusterName {
  if (labels.length <= 1) return { kind: 'apex' };
  if (labels.length === 2) return { kind: 'service', service: labels[0], namespace: labels[1] };
  if (labels.length === 3) return { kind: 'endpoint', host: labels[0], service: labels[1], namespace: labels[2] };
  if (labels.length === 4 && labels[0].startsWith('_') && labels[1].startsWith('_')) {
    return { kind: 'srv', port: labels[0].slice(1), protocol: labels[1].slice(1).toUpperCase(), service: labels[2], namespace: labels[3] };
  }
  return { kind: 'invalid' };
}

/** "4.3.2.1.in-addr.arpa" → "1.2.3.4"; undefined for anything else */
export function reverseIp(name: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/.exec(normalize(name));
  return m ? [m[4], m[3], m[2], m[1]].join('.') : undefined;
}

export const dashed = (ip: string): string => ip.replace(/\./g, '-');
