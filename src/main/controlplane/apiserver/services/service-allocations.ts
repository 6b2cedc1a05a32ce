// Cluster IPs and node ports of Services, allocated synchronously when a Service is written, as
// upstream's Service REST storage does. The state is rebuilt from the stored Services on first use
// (upstream's repair pass), follows every stored change (a delete frees what the Service held), and
// double-checks the store before refusing a number, so it never hands out one that is in use.
import { invalid, type StatusCause } from '../../../../shared/k8s/status';
import { RangeAllocator } from './bitmap-allocator';
import { intToIp, ipToInt, NODE_PORT_RANGE, parseCidr, SERVICE_CIDR } from './cidr';

type Obj = Record<string, any>;

export interface ServiceSource {
  /** every stored Service */
  all(): Obj[];
  /** the stored Service at ns/name */
  get(key: string): Obj | undefined;
}

const needsNodePorts = (spec: Obj): boolean => spec?.type === 'NodePort' || (spec?.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
const hasClusterIP = (spec: Obj): boolean => spec?.type !== 'ExternalName';
const keyOf = (svc: Obj): string => `${svc.metadata?.namespace ?? ''}/${svc.metadata?.name ?? ''}`;

const ipsOf = (svc: Obj): string[] => {
  const spec = svc.spec ?? {};
  const ips: string[] = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
  return ips.filter((ip) => ip && ip !== 'None');
};

const portsOf = (svc: Obj): number[] => {
  const spec = svc.spec ?? {};
  const ports = (spec.ports ?? []).map((p: Obj) => p.nodePort).filter((n: unknown) => typeof n === 'number' && n > 0);
  if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort > 0) ports.push(spec.healthCheckNodePort);
  return ports;
};

export class ServiceAllocations {
  private readonly cidr = parseCidr(SERVICE_CIDR);
  private readonly ips: RangeAllocator;
  private readonly ports: RangeAllocator;
  private loaded = false;

  constructor(
    private readonly source: ServiceSource,
    random: () => number = Math.random,
  ) {
    this.ips = new RangeAllocator(this.cidr.base + 1, this.cidr.base + this.cidr.size - 2, random);
    this.ports = new RangeAllocator(NODE_PORT_RANGE.min, NODE_PORT_RANGE.max, random);
  }

  /**
   * Fills in and claims what a new Service needs (`svc` is changed in place). Throws a 422 naming the
   * field when a requested number is taken or out of range. Returns the undo for a failed write.
   */
  allocateNew(svc: Obj, dryRun: boolean): () => void {
    return this.allocate(svc, undefined, dryRun);
  }

  /** on update: what the change newly needs (a type change to NodePort, from ExternalName, ...) */
  allocateChanged(svc: Obj, old: Obj, dryRun: boolean): () => void {
    return this.allocate(svc, old, dryRun);
  }

  /** follows a stored change: the Service now holds exactly what its stored form names */
  observe(type: 'ADDED' | 'MODIFIED' | 'DELETED', svc: Obj): void {
    if (!this.loaded) return;
    const key = keyOf(svc);
    const keepIps = type === 'DELETED' ? new Set<number>() : new Set(ipsOf(svc).map((ip) => ipToInt(ip)!));
    const keepPorts = type === 'DELETED' ? new Set<number>() : new Set(portsOf(svc));
    for (const n of this.ips.heldBy(key)) if (!keepIps.has(n)) this.ips.release(n, key);
    for (const n of this.ports.heldBy(key)) if (!keepPorts.has(n)) this.ports.release(n, key);
    for (const n of keepIps) this.ips.claim(n, key);
    for (const n of keepPorts) this.ports.claim(n, key);
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const svc of this.source.all()) this.observe('ADDED', svc);
  }

  private allocate(svc: Obj, old: Obj | undefined, dryRun: boolean): () => void {
    this.load();
    const key = keyOf(svc);
    const claimed: { pool: RangeAllocator; n: number }[] = [];
    const take = (pool: RangeAllocator, n: number) => {
      if (dryRun || pool.ownerOf(n) === key) return;
      pool.claim(n, key);
      claimed.push({ pool, n });
    };
    const undo = () => claimed.forEach(({ pool, n }) => pool.release(n, key));
    try {
      const spec = (svc.spec ??= {});
      if (hasClusterIP(spec) && (!old || !hasClusterIP(old.spec))) this.allocateIP(svc, take);
      if (needsNodePorts(spec)) this.allocatePorts(svc, take);
    } catch (err) {
      undo();
      throw err;
    }
    return undo;
  }

  private fail(svc: Obj, cause: StatusCause): never {
    throw invalid('Service', '', svc.metadata?.name ?? '', [cause]);
  }

  /** free when nobody holds it, or its holder's stored form no longer names it (a stale entry) */
  private isFree(pool: RangeAllocator, n: number, key: string, holds: (svc: Obj) => boolean): boolean {
    const owner = pool.ownerOf(n);
    if (owner === undefined || owner === key) return true;
    const stored = this.source.get(owner);
    if (stored && holds(stored)) return false;
    pool.release(n, owner);
    return true;
  }

  private allocateIP(svc: Obj, take: (pool: RangeAllocator, n: number) => void): void {
    const spec = svc.spec;
    const requested: string | undefined = spec.clusterIP || (Array.isArray(spec.clusterIPs) ? spec.clusterIPs[0] : undefined) || undefined;
    if (requested === 'None') {
      spec.clusterIP = 'None';
      spec.clusterIPs = ['None'];
      return;
    }
    const key = keyOf(svc);
    let n: number | undefined;
    if (requested) {
      const bad = (why: string) => this.fail(svc, { reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Invalid value: ${JSON.stringify([requested])}: failed to allocate IP ${requested}: ${why}` });
      n = ipToInt(requested);
      if (n === undefined || !this.ips.inRange(n)) bad(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
      if (!this.isFree(this.ips, n!, key, (s) => ipsOf(s).includes(requested))) bad('provided IP is already allocated');
    } else {
      // the first address belongs to the `kubernetes` Service, as upstream reserves it
      do n = this.ips.pick();
      while (n !== undefined && intToIp(n) === '10.96.0.1' && key !== 'default/kubernetes');
      if (n === undefined) this.fail(svc, { reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: 'Invalid value: []: failed to allocate IP: range is full' });
    }
    take(this.ips, n!);
    spec.clusterIP = intToIp(n!);
    spec.clusterIPs = [spec.clusterIP];
  }

  private allocatePorts(svc: Obj, take: (pool: RangeAllocator, n: number) => void): void {
    const key = keyOf(svc);
    const ports: Obj[] = svc.spec.ports ?? [];
    ports.forEach((p, i) => {
      const field = `spec.ports[${i}].nodePort`;
      if (typeof p.nodePort === 'number' && p.nodePort > 0) {
        // the same port number may serve TCP and UDP entries of one Service
        if (ports.slice(0, i).some((q) => q.nodePort === p.nodePort)) return;
        if (!this.ports.inRange(p.nodePort)) return; // validation words this one
        if (!this.isFree(this.ports, p.nodePort, key, (s) => portsOf(s).includes(p.nodePort))) {
          this.fail(svc, { reason: 'FieldValueInvalid', field, message: `Invalid value: ${p.nodePort}: provided port is already allocated` });
        }
        take(this.ports, p.nodePort);
        return;
      }
      const n = this.ports.pick();
      if (n === undefined) this.fail(svc, { reason: 'FieldValueInvalid', field, message: 'Invalid value: 0: failed to allocate a nodePort: range is full' });
      take(this.ports, n!);
      p.nodePort = n;
    });
  }
}
