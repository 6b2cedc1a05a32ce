// Service, Endpoints, EndpointSlice, Ingress, IngressClass and NetworkPolicy printers.
import { ageColumn, col, formatLabels, formatLabelSelector, listWithMore, nameColumn, type KindPrinter, type Obj } from './columns';
import { since } from './duration';

/** "80/TCP,443:30443/TCP" */
export function portsString(ports: Obj[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

/** IPs (or else hostnames) of a load balancer status, each once, as upstream's set-based stringer */
const loadBalancerIngress = (lb: Obj | undefined): string[] => [
  ...new Set<string>((lb?.ingress ?? []).flatMap((i: Obj) => (i.ip ? [i.ip] : i.hostname ? [i.hostname] : []))),
];

function externalIP(svc: Obj): string {
  const external: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const all = [...loadBalancerIngress(svc.status?.loadBalancer), ...external];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const servicePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Type', 'string', 'type determines how the Service is exposed.'),
    col('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    col('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    col('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    ageColumn(),
    col('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', 1),
  ],
  cells: (svc, now) => [
    svc.metadata?.name ?? '',
    svc.spec?.type ?? '',
    svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '<none>',
    externalIP(svc),
    portsString(svc.spec?.ports) || '<none>',
    since(svc.metadata?.creationTimestamp, now),
    formatLabels(svc.spec?.selector),
  ],
};

function formatEndpoints(ep: Obj): string {
  const subsets: Obj[] = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const all: string[] = [];
  for (const ss of subsets) {
    const ips: string[] = (ss.addresses ?? []).map((a: Obj) => a.ip);
    if ((ss.ports ?? []).length === 0) all.push(...ips);
    else for (const p of ss.ports) for (const ip of ips) all.push(ip.includes(':') ? `[${ip}]:${p.port}` : `${ip}:${p.port}`);
  }
  return listWithMore(all, all.length, 3, '<none>');
}

export const endpointsPrinter: KindPrinter = {
  columns: [nameColumn(), col('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), ageColumn()],
  cells: (ep, now) => [ep.metadata?.name ?? '', formatEndpoints(ep), since(ep.metadata?.creationTimestamp, now)],
};

export const endpointSlicePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'),
    col('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
    col('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
    ageColumn(),
  ],
  cells: (es, now) => {
    const ports: string[] = (es.ports ?? []).map((p: Obj) => (typeof p.port === 'number' ? String(p.port) : (p.name ?? '*')));
    const addresses: string[] = (es.endpoints ?? []).flatMap((e: Obj) => e.addresses ?? []);
    return [
      es.metadata?.name ?? '',
      es.addressType ?? '',
      listWithMore(ports, ports.length, 3, '<unset>'),
      listWithMore(addresses, addresses.length, 3, '<unset>'),
      since(es.metadata?.creationTimestamp, now),
    ];
  },
};

function ingressHosts(rules: Obj[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === 3) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${(rules ?? []).length - 3} more...` : list.join(',');
}

export const ingressPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Class', 'string', 'The name of the IngressClass resource that should be used for ingress.'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumn(),
  ],
  cells: (ing, now) => [
    ing.metadata?.name ?? '',
    ing.spec?.ingressClassName ?? '<none>',
    ingressHosts(ing.spec?.rules),
    loadBalancerIngress(ing.status?.loadBalancer).join(','),
    (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
    since(ing.metadata?.creationTimestamp, now),
  ],
};

export const ingressClassPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageColumn(),
  ],
  cells: (ic, now) => {
    const p = ic.spec?.parameters;
    const parameters = p ? `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}` : '<none>';
    return [ic.metadata?.name ?? '', ic.spec?.controller ?? '', parameters, since(ic.metadata?.creationTimestamp, now)];
  },
};

export const networkPolicyPrinter: KindPrinter = {
  columns: [nameColumn(), col('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'), ageColumn()],
  cells: (np, now) => [np.metadata?.name ?? '', formatLabelSelector(np.spec?.podSelector), since(np.metadata?.creationTimestamp, now)],
};
