// The metrics API's source for every node of the pool (metrics-server's role, without scraping):
// local nodes running the process runtime report what their processes really use, and the machine's
// own CPU and memory as the node's usage; simulated nodes report simulated usage of their pods.
import type { Clock } from '../../client';
import type { NodeConfig } from '../node-config';
import { sampleMachine, sampleTrees } from './proc';
import { RateTracker } from './usage-sampler';
import { simulatedContainerUsage } from './simulated-usage';
import type { ContainerUsage, NodeUsageSample, PodUsageSample, ProcessTable, UsageSource } from './types';

type Obj = Record<string, any>;

export interface PoolUsageOptions {
  clock: Clock;
  nodes: NodeConfig[];
  /** every pod bound to a node of the pool */
  pods(): Obj[];
  /** the process table of a local node that runs real processes */
  processTableOf(nodeName: string): ProcessTable | undefined;
  /** how often local processes are sampled in the background (metrics-server's resolution is 15 s) */
  intervalMs?: number;
}

const SIMULATED_WINDOW_S = 15;
const MACHINE = '#machine';

export class PoolUsage implements UsageSource {
  private readonly rates: RateTracker;
  private timer?: unknown;
  private lastTickMs = 0;

  constructor(private readonly o: PoolUsageOptions) {
    this.rates = new RateTracker(o.clock);
    // the first sample waits for the timer, off the cluster's start-up path
    if (o.nodes.some((n) => o.processTableOf(n.name))) {
      const every = o.intervalMs ?? 10_000;
      const loop = (): void => {
        this.tick();
        this.timer = o.clock.setTimeout(loop, every);
      };
      this.timer = o.clock.setTimeout(loop, Math.min(every, 1_000));
    }
  }

  stop(): void {
    if (this.timer) this.o.clock.clearTimeout(this.timer);
  }

  /** samples every local container and the machine once */
  tick(): void {
    this.lastTickMs = this.o.clock.now();
    const procs = this.o.nodes.flatMap((n) => this.o.processTableOf(n.name)?.containerProcesses() ?? []);
    const samples = sampleTrees(procs.map((p) => p.pid));
    const live = new Set<string>([MACHINE]);
    for (const p of procs) {
      const sample = samples.get(p.pid);
      const key = `${p.podUid}/${p.container}/${p.pid}`;
      live.add(key);
      if (sample) this.rates.record(key, sample);
    }
    this.rates.record(MACHINE, sampleMachine());
    this.rates.retain(live);
  }

  nodes(): NodeUsageSample[] {
    this.refreshIfStale();
    const now = this.o.clock.now();
    const byNode = this.podsByNode();
    const out: NodeUsageSample[] = [];
    for (const n of this.o.nodes) {
      if (this.o.processTableOf(n.name)) {
        const m = this.rates.rate(MACHINE);
        if (m) out.push({ nodeName: n.name, cpuNanoCores: m.cpuNanoCores, memoryWorkingSetBytes: m.memoryBytes, timestamp: m.timestamp, windowSeconds: m.windowSeconds });
        continue;
      }
      const containers = (byNode.get(n.name) ?? []).flatMap((p) => simulatedContainerUsage(p, now));
      out.push({ ...sum(containers), nodeName: n.name, timestamp: new Date(now).toISOString(), windowSeconds: SIMULATED_WINDOW_S });
    }
    return out;
  }

  pods(namespace?: string): PodUsageSample[] {
    this.refreshIfStale();
    const now = this.o.clock.now();
    const local = this.localRates();
    const out: PodUsageSample[] = [];
    for (const pod of this.o.pods()) {
      if (namespace !== undefined && pod.metadata.namespace !== namespace) continue;
      if (pod.status?.phase !== 'Running') continue;
      const sample = this.o.processTableOf(pod.spec?.nodeName)
        ? local.get(pod.metadata.uid)
        : { containers: simulatedContainerUsage(pod, now), timestamp: new Date(now).toISOString(), windowSeconds: SIMULATED_WINDOW_S };
      if (sample) out.push({ namespace: pod.metadata.namespace, name: pod.metadata.name, labels: pod.metadata.labels, ...sample });
    }
    return out;
  }

  private refreshIfStale(): void {
    // a request right after start (or after a long idle) should not wait for the next tick
    if (this.timer && this.o.clock.now() - this.lastTickMs > 2_000) this.tick();
  }

  private localRates(): Map<string, Omit<PodUsageSample, 'namespace' | 'name'>> {
    const out = new Map<string, Omit<PodUsageSample, 'namespace' | 'name'>>();
    for (const n of this.o.nodes) {
      for (const p of this.o.processTableOf(n.name)?.containerProcesses() ?? []) {
        const r = this.rates.rate(`${p.podUid}/${p.container}/${p.pid}`);
        if (!r) continue;
        const entry = out.get(p.podUid) ?? { containers: [], timestamp: r.timestamp, windowSeconds: r.windowSeconds };
        entry.containers.push({ name: p.container, cpuNanoCores: r.cpuNanoCores, memoryWorkingSetBytes: r.memoryBytes });
        out.set(p.podUid, entry);
      }
    }
    return out;
  }

  private podsByNode(): Map<string, Obj[]> {
    const out = new Map<string, Obj[]>();
    for (const p of this.o.pods()) {
      if (p.status?.phase !== 'Running' || !p.spec?.nodeName) continue;
      const list = out.get(p.spec.nodeName) ?? [];
      list.push(p);
      out.set(p.spec.nodeName, list);
    }
    return out;
  }
}

const sum = (cs: ContainerUsage[]): { cpuNanoCores: number; memoryWorkingSetBytes: number } =>
  cs.reduce((a, c) => ({ cpuNanoCores: a.cpuNanoCores + c.cpuNanoCores, memoryWorkingSetBytes: a.memoryWorkingSetBytes + c.memoryWorkingSetBytes }), { cpuNanoCores: 0, memoryWorkingSetBytes: 0 });
