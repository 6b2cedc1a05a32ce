// The control-plane components on top of a running API core, each acting as its own user through
// its own ApiClient, as separate binaries would: kube-controller-manager (every controller in
// CONTROLLERS), kube-scheduler (under its Lease) and one node agent per node. They start after the
// API server listens and nothing here waits for informers to sync, so cold start stays fast.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ApiClient, EventRecorder, SharedInformerFactory, realClock, type Clock, type Logger } from '../client';
import type { ResourceHandlers } from '../apiserver/registry/types';
import type { ResourceRegistry } from '../apiserver/resources/registry';
import { CONTROLLERS, ControllerManager, type ControllerFactory } from '../controllers';
import { Scheduler, runWithLeaderElection, type Explanation, type LeadingScheduler } from '../scheduler';
import { NodeAgentPool, localRuntimeFor, type LocalRuntimeKind, type NodeConfig, type PodRuntime } from '../kubelet';
import { KubeletServers } from './kubelet-servers';
import { KUBERNETES_VERSION } from '../../../shared/version';
import { hpaController, hpaControllerWith } from '../controllers/hpa';
import type { UsageSource } from '../kubelet/stats/types';
import { hpaMetricsFrom, poolUsage } from './metrics';
import { startServiceNetwork, type ServiceNetwork } from './service-network';

export interface ComponentsOptions {
  handlers: ResourceHandlers;
  resources: ResourceRegistry;
  nodes: NodeConfig[];
  clock?: Clock;
  logger: Logger;
  dataDir?: string;
  /** the token the API server presents to kubelet servers; without it no kubelet server starts */
  kubeletToken?: string;
  /** the runtime for a node (default: the simulated one); local runtimes that serve streams get a kubelet server */
  runtimeFor?: (config: NodeConfig) => PodRuntime;
  /** local nodes' runtime when runtimeFor is not given: host processes (default) or simulated */
  localRuntime?: LocalRuntimeKind;
  /** defaults to CONTROLLERS */
  controllers?: ControllerFactory[];
}

export interface RunningComponents {
  /** the scheduler's last decision about a pod, for the engine and UI */
  explain(namespace: string, name: string): Explanation | undefined;
  nodes: NodeAgentPool;
  /** what metrics.k8s.io serves: real usage of local processes, simulated usage elsewhere */
  usage: UsageSource;
  controllerManager: ControllerManager;
  /** the service proxy and cluster DNS (kube-proxy's and CoreDNS's roles); undefined until they run */
  serviceNetwork(): ServiceNetwork | undefined;
  stop(): Promise<void>;
}

export function startComponents(o: ComponentsOptions): RunningComponents {
  const clock = o.clock ?? realClock;
  const { logger } = o;
  const clientFor = (user: string, agent: string): ApiClient =>
    new ApiClient({ handlers: o.handlers, resources: o.resources, user, userAgent: `${agent}/${KUBERNETES_VERSION.gitVersion}` });

  const nodeClient = (node: string): ApiClient => clientFor(`system:node:${node}`, 'kubelet');
  const kubelets = new KubeletServers({ token: o.kubeletToken ?? '', clientFor: nodeClient, logger });
  // copies: each gets its kubelet server's port before the node registers
  const nodeConfigs = o.nodes.map((c) => ({ ...c }));
  const ownRuntimeFor = o.runtimeFor ?? localRuntimeFor({ kind: o.localRuntime ?? 'process', dataDir: o.dataDir, clientFor: nodeClient, clock, logger });
  const runtimeFor = o.kubeletToken ? kubelets.track(ownRuntimeFor) : ownRuntimeFor;
  const nodes = new NodeAgentPool({ clientFor: nodeClient, clock, logger, nodes: nodeConfigs, runtimeFor });
  const usage = poolUsage(nodes, o.nodes, clock);

  const controllerManager = new ControllerManager({
    client: clientFor('system:kube-controller-manager', 'kube-controller-manager'),
    factories: (o.controllers ?? CONTROLLERS).map((f) => (f === hpaController ? hpaControllerWith(hpaMetricsFrom(usage)) : f)),
    clock,
    logger,
    dataDir: o.dataDir,
  });

  const schedulerClient = clientFor('system:kube-scheduler', 'kube-scheduler');
  const schedulerInformers = new SharedInformerFactory({ client: schedulerClient, clock, logger });
  const startScheduler = (): LeadingScheduler => runWithLeaderElection({
    client: schedulerClient,
    identity: `${hostname()}_${randomUUID()}`,
    clock,
    logger,
    makeScheduler: (explanations) =>
      new Scheduler({
        client: schedulerClient,
        informers: schedulerInformers,
        recorder: new EventRecorder({ client: schedulerClient, component: 'default-scheduler', clock, logger }),
        clock,
        logger,
        explanations,
      }),
  });

  const runsRealPods = o.nodes.some((n) => !n.simulated) && (o.runtimeFor !== undefined || (o.localRuntime ?? 'process') === 'process');

  // Started on the next turn, so the caller prints "ready" before any of this work begins.
  let scheduler: LeadingScheduler | undefined;
  let network: Promise<ServiceNetwork | undefined> | undefined;
  let serviceNetwork: ServiceNetwork | undefined;
  const kick = setImmediate(() => {
    controllerManager.start();
    scheduler = startScheduler();
    // Only a cluster whose pods are real processes needs Service addresses on this machine; a
    // simulated one would take 10.96.0.10:53 and NodePorts from a real one running beside it.
    if (runsRealPods) {
      network = startServiceNetwork({ client: clientFor('system:kube-proxy', 'kube-proxy'), clock, logger, dataDir: o.dataDir }).then(
        (n) => (serviceNetwork = n),
        (err) => void logger.warn('service proxy and cluster DNS failed to start', err),
      );
    }
    void kubelets
      .start(nodeConfigs)
      .catch((err) => logger.warn('kubelet server failed to start', err))
      .finally(() => stopped || nodes.start());
  });
  let stopped = false;

  return {
    explain: (namespace, name) => scheduler?.explain(namespace, name),
    nodes,
    usage,
    controllerManager,
    serviceNetwork: () => serviceNetwork,
    stop: async () => {
      clearImmediate(kick);
      stopped = true;
      await (await network)?.stop();
      usage.stop();
      await nodes.stop();
      await kubelets.stop();
      await scheduler?.stop();
      await schedulerInformers.shutdown();
      await controllerManager.stop();
    },
  };
}
