// All node agents of this process over ONE pod informer indexed by spec.nodeName: a thousand
// simulated nodes cost one watch, one cache and one work queue, not a thousand. Keys of pods bound to
// a node of ours go on the queue; a worker hands each pod to its node's agent.
import { EventRecorder, SharedInformerFactory, WorkQueue, byNodeName, runWorkers, type ApiClient, type Clock, type Logger, type Obj } from '../client';
import { NodeAgent } from './node-agent';
import type { NodeConfig } from './node-config';
import type { PodRuntime } from './runtimes/types';
import { SimulatedRuntime } from './runtimes/simulated/runtime';
import { mirrorPods } from './static-pods';

export interface NodeAgentPoolOptions {
  nodes: NodeConfig[];
  /** each agent acts as system:node:<name> */
  clientFor(nodeName: string): ApiClient;
  clock: Clock;
  logger: Logger;
  /** the runtime for a node; default: the simulated one */
  runtimeFor?(config: NodeConfig): PodRuntime | undefined;
  workers?: number;
}

export const NODE_NAME_INDEX = 'nodeName';
const REGISTER_CONCURRENCY = 32;

export class NodeAgentPool {
  readonly agents = new Map<string, NodeAgent>();
  private readonly informers: SharedInformerFactory;
  private readonly queue: WorkQueue;
  private workers?: Promise<void>;
  private readonly runtimes: PodRuntime[] = [];
  /** pod uid → queue key, so a runtime's process exit (which knows only the uid) re-syncs the pod */
  private readonly keysByUid = new Map<string, string>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly o: NodeAgentPoolOptions) {
    const first = o.nodes[0]?.name ?? 'pool';
    this.informers = new SharedInformerFactory({ client: o.clientFor(first), clock: o.clock, logger: o.logger });
    this.queue = new WorkQueue({ clock: o.clock });
    const shared = new SimulatedRuntime({ clock: o.clock });
    for (const config of o.nodes) {
      const runtime: PodRuntime = o.runtimeFor?.(config) ?? shared;
      if (!this.runtimes.includes(runtime)) {
        this.runtimes.push(runtime);
        const off = runtime.onDidChange?.((uid) => {
          const key = this.keysByUid.get(uid);
          if (key) this.queue.add(key);
        });
        if (off) this.unsubscribe.push(off);
      }
      const client = o.clientFor(config.name);
      const recorder = config.simulated ? undefined : new EventRecorder({ client, component: 'kubelet', host: config.name, clock: o.clock, logger: o.logger });
      this.agents.set(config.name, new NodeAgent({ config, client, runtime, clock: o.clock, logger: o.logger, recorder }));
    }
  }

  /** registers every node (in the background), then syncs their pods */
  start(): void {
    const pods = this.informers.informerFor('v1', 'Pod', { [NODE_NAME_INDEX]: byNodeName });
    const enqueue = (pod: Obj): void => {
      if (!this.agents.has(pod.spec?.nodeName)) return;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      this.keysByUid.set(pod.metadata.uid, key);
      this.queue.add(key);
    };
    pods.addEventHandler({
      onAdd: enqueue,
      onUpdate: (_old, pod) => enqueue(pod),
      onDelete: (pod) => {
        this.keysByUid.delete(pod.metadata.uid);
        this.agents.get(pod.spec?.nodeName)?.forgetPod(pod.metadata.uid);
      },
    });
    // kubelet posts its status again when the node lifecycle controller marked it Unknown (it compares
    // what it would report with what the Node shows).
    this.informers.informerFor('v1', 'Node').addEventHandler({
      onUpdate: (_old, node) => {
        const ready = (node.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');
        if (ready && ready.status !== 'True') void this.agents.get(node.metadata.name)?.reportStatus();
      },
    });
    void this.registerAll().then(() => {
      this.informers.start();
      this.workers = runWorkers(this.queue, this.o.workers ?? 16, (key) => this.sync(key), { logger: this.o.logger, name: 'kubelet' });
      void this.pruneLeftovers();
    });
  }

  /** resolves once every node is registered and the pod cache has listed */
  async waitForSync(): Promise<void> {
    while (!this.workers) await new Promise((r) => setTimeout(r, 5));
    await this.informers.waitForCacheSync();
  }

  async stop(): Promise<void> {
    for (const agent of this.agents.values()) agent.stop();
    for (const off of this.unsubscribe.splice(0)) off();
    this.queue.shutDown();
    await this.workers;
    await this.informers.shutdown();
    await Promise.all(this.runtimes.map((r) => r.close()));
  }

  /** every pod bound to a node of this pool, from the shared cache */
  pods(): Obj[] {
    return this.informers.informerFor('v1', 'Pod').lister.list().filter((p) => this.agents.has(p.spec?.nodeName));
  }

  /** the runtime a node's agent drives */
  runtimeOf(nodeName: string): PodRuntime | undefined {
    return this.agents.get(nodeName)?.runtime;
  }

  private async sync(key: string) {
    const pod = this.informers.informerFor('v1', 'Pod').lister.get(key);
    const agent = pod && this.agents.get(pod.spec?.nodeName);
    return agent ? agent.syncPod(pod) : undefined;
  }

  /** once the pods are known, runtimes drop what an earlier run left for pods that are gone (sandboxes) */
  private async pruneLeftovers(): Promise<void> {
    await this.informers.waitForCacheSync();
    const pods = this.informers.informerFor('v1', 'Pod').lister;
    for (const [name, agent] of this.agents) {
      const runtime = agent.runtime as PodRuntime & { pruneLeftovers?(keep: Set<string>): Promise<void> };
      if (!runtime.pruneLeftovers) continue;
      const keep = new Set(pods.byIndex(NODE_NAME_INDEX, name).map((p: Obj) => p.metadata.uid as string));
      await runtime.pruneLeftovers(keep).catch((err) => this.o.logger.warn(`node ${name}: removing leftovers failed`, err));
    }
  }

  private async registerAll(): Promise<void> {
    const configs = [...this.o.nodes];
    const next = async (): Promise<void> => {
      for (let c = configs.shift(); c; c = configs.shift()) {
        try {
          await this.agents.get(c.name)!.start();
          if (c.controlPlane) await mirrorPods(this.o.clientFor(c.name), c.name, this.o.logger);
        } catch (err) {
          this.o.logger.warn(`node ${c.name}: registration failed`, err);
        }
      }
    };
    await Promise.all(Array.from({ length: REGISTER_CONCURRENCY }, next));
  }
}
