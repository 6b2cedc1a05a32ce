// The service proxy of the built-in cluster, kube-proxy's userspace mode in-process: it watches
// Services and EndpointSlices and keeps, per Service port, listeners on the ClusterIP, the NodePort
// and the LoadBalancer port, all sharing one Balancer whose backends follow the slices. Listeners only
// change when the Service's addresses change, so open connections survive endpoint churn.
import { EventRecorder, WorkQueue, runWorkers, keyOf, type ApiClient, type Clock, type Informer, type Logger, type Obj, type SharedInformerFactory } from '../client';
import { Balancer, affinityOf } from './balancer';
import { backendsFor } from './endpoints';
import { type Frontend, type Listener, frontendKey } from './frontend';
import { reportLoadBalancer } from './lb-status';
import { type LocalAddresses, LoopbackAddresses } from './loopback-addresses';
import { NODE_IP, type PortPlan, planPorts, skipReason } from './service-ports';
import { listenTcp } from './tcp-listener';
import { listenUdp } from './udp-listener';

export interface ServiceProxyOptions {
  client: ApiClient;
  informers: SharedInformerFactory;
  clock: Clock;
  logger: Logger;
  /** how ClusterIPs become local; default `ip addr add <ip>/32 dev lo` where allowed */
  addresses?: LocalAddresses;
  /** where NodePorts and LoadBalancer ports listen; default 127.0.0.1 */
  nodeIp?: string;
}

const SLICE_INDEX = 'proxy/service';
const SERVICE_NAME = 'kubernetes.io/service-name';
const sliceService = (slice: Obj): string[] => {
  const name = slice.metadata?.labels?.[SERVICE_NAME];
  return name ? [`${slice.metadata.namespace}/${name}`] : [];
};

interface ServiceState {
  balancers: Map<string, Balancer>;
  clusterIp?: string;
}

interface Open {
  owner: string;
  portId: string;
  listener: Listener;
}

export class ServiceProxy {
  private readonly services: Informer;
  private readonly slices: Informer;
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly addresses: LocalAddresses;
  private readonly nodeIp: string;
  private readonly state = new Map<string, ServiceState>();
  private readonly open = new Map<string, Open>();
  /** frontends whose bind failed, so a resync does not log the same failure again */
  private readonly failedBinds = new Set<string>();
  private workers?: Promise<void>;

  constructor(private readonly o: ServiceProxyOptions) {
    this.services = o.informers.informerFor('v1', 'Service');
    this.slices = o.informers.informerFor('discovery.k8s.io/v1', 'EndpointSlice', { [SLICE_INDEX]: sliceService });
    this.queue = new WorkQueue({ clock: o.clock });
    this.recorder = new EventRecorder({ client: o.client, component: 'kube-proxy', clock: o.clock, logger: o.logger });
    this.addresses = o.addresses ?? new LoopbackAddresses(o.logger);
    this.nodeIp = o.nodeIp ?? NODE_IP;
    if (this.addresses.unavailable) o.logger.warn(`proxy: ${this.addresses.unavailable}`);
  }

  /** starts watching; call the factory's start() after (or before: informers asked late start at once) */
  start(): void {
    const enqueue = (obj: Obj): void => this.queue.add(keyOf(obj));
    this.services.addEventHandler({ onAdd: enqueue, onUpdate: (_old, obj) => enqueue(obj), onDelete: enqueue });
    const enqueueOwner = (slice: Obj): void => sliceService(slice).forEach((key) => this.queue.add(key));
    this.slices.addEventHandler({ onAdd: enqueueOwner, onUpdate: (old, obj) => (enqueueOwner(old), enqueueOwner(obj)), onDelete: enqueueOwner });
    this.workers = runWorkers(this.queue, 2, (key) => this.sync(key), { logger: this.o.logger, name: 'proxy' });
  }

  /** stops, ends every proxied connection and removes the addresses it added */
  async stop(): Promise<void> {
    this.queue.shutDown();
    await this.workers;
    await Promise.all([...this.open.values()].map((o) => o.listener.close(true)));
    this.open.clear();
    await this.addresses.releaseAll();
    await this.recorder.flush();
  }

  /** every listening frontend, "TCP/127.0.0.1:30080" → "ns/name" (for tests and the UI) */
  frontends(): Map<string, string> {
    return new Map([...this.open].map(([key, o]) => [key, o.owner]));
  }

  private async sync(key: string): Promise<void> {
    const svc = this.services.lister.get(key);
    if (!svc || skipReason(svc)) return this.teardown(key);
    const state = this.state.get(key) ?? { balancers: new Map<string, Balancer>() };
    this.state.set(key, state);
    const plans = planPorts(svc, this.nodeIp);
    this.updateBalancers(key, svc, state, plans);
    const clusterOk = await this.ensureClusterIp(state, svc.spec.clusterIP, plans);
    const wanted = new Map<string, { frontend: Frontend; portId: string }>();
    for (const plan of plans) for (const f of plan.frontends) if (f.role !== 'cluster' || clusterOk) wanted.set(frontendKey(f), { frontend: f, portId: plan.id });
    await this.closeListeners(key, wanted);
    const failed = await this.openListeners(key, state, wanted);
    await reportLoadBalancer(this.o.client, this.recorder, svc, failed.filter((f) => f.role === 'lb'));
  }

  private updateBalancers(key: string, svc: Obj, state: ServiceState, plans: PortPlan[]): void {
    const slices = this.slices.lister.byIndex(SLICE_INDEX, key);
    const affinity = affinityOf(svc.spec);
    for (const plan of plans) {
      const balancer = state.balancers.get(plan.id) ?? new Balancer(this.o.clock);
      state.balancers.set(plan.id, balancer);
      balancer.update(backendsFor(slices, plan.name, plan.protocol), affinity);
    }
    for (const id of state.balancers.keys()) if (!plans.some((p) => p.id === id)) state.balancers.delete(id);
  }

  private async ensureClusterIp(state: ServiceState, ip: string | undefined, plans: PortPlan[]): Promise<boolean> {
    const wants = plans.some((p) => p.frontends.some((f) => f.role === 'cluster')) ? ip : undefined;
    if (state.clusterIp && state.clusterIp !== wants) await this.addresses.release(state.clusterIp);
    state.clusterIp = undefined;
    if (!wants || !(await this.addresses.ensure(wants))) return false;
    state.clusterIp = wants;
    return true;
  }

  private async closeListeners(owner: string, wanted: Map<string, { portId: string }>): Promise<void> {
    for (const [key, o] of [...this.open]) {
      if (o.owner !== owner || wanted.get(key)?.portId === o.portId) continue;
      this.open.delete(key);
      await o.listener.close(false);
    }
  }

  /** opens what is missing; returns the frontends that could not listen */
  private async openListeners(owner: string, state: ServiceState, wanted: Map<string, { frontend: Frontend; portId: string }>): Promise<Frontend[]> {
    const failed: Frontend[] = [];
    for (const [key, { frontend, portId }] of wanted) {
      const held = this.open.get(key);
      if (held?.owner === owner) continue;
      const balancer = state.balancers.get(portId)!;
      try {
        if (held) throw new Error(`already used by Service ${held.owner}`);
        const listen = frontend.protocol === 'UDP' ? listenUdp : listenTcp;
        this.open.set(key, { owner, portId, listener: await listen(frontend, balancer, this.o.logger) });
        this.failedBinds.delete(`${owner} ${key}`);
      } catch (err) {
        failed.push(frontend);
        if (!this.failedBinds.has(`${owner} ${key}`)) this.o.logger.warn(`proxy: Service ${owner} cannot listen on ${key}`, err);
        this.failedBinds.add(`${owner} ${key}`);
      }
    }
    return failed;
  }

  private async teardown(key: string): Promise<void> {
    await this.closeListeners(key, new Map());
    const state = this.state.get(key);
    this.state.delete(key);
    if (state?.clusterIp) await this.addresses.release(state.clusterIp);
    for (const f of [...this.failedBinds]) if (f.startsWith(`${key} `)) this.failedBinds.delete(f);
  }
}
