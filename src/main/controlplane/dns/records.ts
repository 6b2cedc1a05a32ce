// Answers for names in the cluster domain, read from the Service and EndpointSlice caches, as
// CoreDNS's kubernetes plugin answers them. TTL 30 s: the plugin's own default is 5 s, but kubeadm's
// Corefile sets `ttl 30`, and that is what clusters run with.
import type { Informer, Obj, SharedInformerFactory } from '../client';
import { type ClusterName, CLUSTER_DOMAIN, dashed, parseClusterName, reverseIp } from './names';

export const TTL = 30;

export type Rcode = 'NOERROR' | 'NXDOMAIN';

export interface DnsRecord {
  type: 'A' | 'CNAME' | 'SRV' | 'PTR';
  name: string;
  ttl: number;
  data: string | { priority: number; weight: number; port: number; target: string };
}

export interface Answer {
  rcode: Rcode;
  answers: DnsRecord[];
  /** records that save the client a second query (the A records of SRV targets) */
  additionals?: DnsRecord[];
}

const SLICE_INDEX = 'dns/service';
const CLUSTER_IP_INDEX = 'dns/clusterIP';
const nxdomain: Answer = { rcode: 'NXDOMAIN', answers: [] };
const nodata: Answer = { rcode: 'NOERROR', answers: [] };

interface Endpoint {
  ip: string;
  /** hostname, or the dashed IP when it has none */
  host: string;
}

export class ClusterRecords {
  private readonly services: Informer;
  private readonly slices: Informer;

  constructor(informers: SharedInformerFactory, readonly zone = CLUSTER_DOMAIN) {
    this.services = informers.informerFor('v1', 'Service', { [CLUSTER_IP_INDEX]: (s) => (s.spec?.clusterIP && s.spec.clusterIP !== 'None' ? [s.spec.clusterIP] : []) });
    this.slices = informers.informerFor('discovery.k8s.io/v1', 'EndpointSlice', {
      [SLICE_INDEX]: (s) => (s.metadata?.labels?.['kubernetes.io/service-name'] ? [`${s.metadata.namespace}/${s.metadata.labels['kubernetes.io/service-name']}`] : []),
    });
  }

  synced(): boolean {
    return this.services.hasSynced() && this.slices.hasSynced();
  }

  /** the answer, or undefined when the name is not the cluster's (forward it) */
  lookup(name: string, type: string): Answer | undefined {
    if (type === 'PTR') return this.reverse(name);
    const parsed = parseClusterName(name, this.zone);
    if (!parsed) return undefined;
    return this.answer(name, type, parsed);
  }

  private answer(name: string, type: string, q: ClusterName): Answer {
    if (q.kind === 'apex') return nodata;
    if (q.kind === 'invalid') return nxdomain;
    if (q.kind === 'pod') return type === 'A' || type === 'ANY' ? { rcode: 'NOERROR', answers: [a(name, q.ip)] } : nodata;
    const svc = this.services.lister.get(`${q.namespace}/${q.service}`);
    if (!svc) return nxdomain;
    if (q.kind === 'service') return this.serviceAnswer(name, type, svc);
    if (q.kind === 'endpoint') {
      const found = this.endpoints(svc).filter((e) => e.host === q.host);
      if (!found.length) return nxdomain;
      return type === 'A' || type === 'ANY' ? { rcode: 'NOERROR', answers: found.map((e) => a(name, e.ip)) } : nodata;
    }
    return this.srv(name, type, svc, q.port, q.protocol);
  }

  private serviceAnswer(name: string, type: string, svc: Obj): Answer {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName') return { rcode: 'NOERROR', answers: [{ type: 'CNAME', name, ttl: TTL, data: spec.externalName }] };
    if (type !== 'A' && type !== 'ANY') return nodata;
    if (spec.clusterIP && spec.clusterIP !== 'None') return { rcode: 'NOERROR', answers: [a(name, spec.clusterIP)] };
    return { rcode: 'NOERROR', answers: this.endpoints(svc).map((e) => a(name, e.ip)) };
  }

  private srv(name: string, type: string, svc: Obj, portName: string, protocol: string): Answer {
    const port = (svc.spec?.ports ?? []).find((p: Obj) => p.name === portName && (p.protocol ?? 'TCP') === protocol);
    if (!port) return nxdomain;
    if (type !== 'SRV' && type !== 'ANY') return nodata;
    const { name: svcName, namespace } = svc.metadata;
    const base = `${svcName}.${namespace}.svc.${this.zone}`;
    if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') {
      return { rcode: 'NOERROR', answers: [srvRecord(name, port.port, base, 100)], additionals: [a(base, svc.spec.clusterIP)] };
    }
    const targets = this.endpoints(svc, portName, protocol);
    const weight = Math.max(1, Math.floor(100 / Math.max(1, targets.length)));
    return {
      rcode: 'NOERROR',
      answers: targets.map((e) => srvRecord(name, e.port, `${e.host}.${base}`, weight)),
      additionals: targets.map((e) => a(`${e.host}.${base}`, e.ip)),
    };
  }

  /** ready endpoints (the EndpointSlice controller already marks them ready under publishNotReadyAddresses) */
  private endpoints(svc: Obj, portName?: string, protocol = 'TCP'): (Endpoint & { port: number })[] {
    const out = new Map<string, Endpoint & { port: number }>();
    for (const slice of this.slices.lister.byIndex(SLICE_INDEX, `${svc.metadata.namespace}/${svc.metadata.name}`)) {
      if (slice.addressType !== 'IPv4') continue;
      const port = portName === undefined ? 0 : (slice.ports ?? []).find((p: Obj) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol)?.port;
      if (port === undefined) continue;
      for (const e of slice.endpoints ?? []) {
        const ip = e.addresses?.[0];
        if (typeof ip !== 'string' || e.conditions?.ready === false) continue;
        out.set(ip, { ip, host: e.hostname ?? dashed(ip), port });
      }
    }
    return [...out.values()].sort((x, y) => x.ip.localeCompare(y.ip));
  }

  /** PTR for ClusterIPs; other addresses are not the cluster's to answer */
  private reverse(name: string): Answer | undefined {
    const ip = reverseIp(name);
    if (!ip) return undefined;
    const svc = this.services.lister.byIndex(CLUSTER_IP_INDEX, ip)[0];
    if (!svc) return undefined;
    return { rcode: 'NOERROR', answers: [{ type: 'PTR', name, ttl: TTL, data: `${svc.metadata.name}.${svc.metadata.namespace}.svc.${this.zone}` }] };
  }
}

const a = (name: string, ip: string): DnsRecord => ({ type: 'A', name, ttl: TTL, data: ip });
const srvRecord = (name: string, port: number, target: string, weight: number): DnsRecord => ({ type: 'SRV', name, ttl: TTL, data: { priority: 0, weight, port, target } });
