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
import { NodeAgentPool, type NodeConfig } from '../kubelet';
import { KUBERNETES_VERSION } from '../../../shared/version';

export interface ComponentsOptions {
  handlers: ResourceHandlers;
  resources: ResourceRegistry;
  nodes: NodeConfig[];
  clock?: Clock;
  logger: Logger;
  dataDir?: string;
  /** defaults to CONTROLLERS */
  controllers?: ControllerFactory[];
}

export interface RunningComponents {
  /** the scheduler's last decision about a pod, for the engine and UI */
  explain(namespace: string, name: string): Explanation | undefined;
  nodes: NodeAgentPool;
  controllerManager: ControllerManager;
  stop(): Promise<void>;
}

export function startComponents(o: ComponentsOptions): RunningComponents {
  const clock = o.clock ?? realClock;
  const { logger } = o;
  const clientFor = (user: string, agent: string): ApiClient =>
    new ApiClient({ handlers: o.handlers, resources: o.resources, user, userAgent: `${agent}/${KUBERNETES_VERSION.gitVersion}` });

  const controllerManager = new ControllerManager({
    client: clientFor('system:kube-controller-manager', 'kube-controller-manager'),
    factories: o.controllers ?? CONTROLLERS,
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

  const nodes = new NodeAgentPool({ clientFor: (node) => clientFor(`system:node:${node}`, 'kubelet'), clock, logger, nodes: o.nodes });

  // Started on the next turn, so the caller prints "ready" before any of this work begins.
  let scheduler: LeadingScheduler | undefined;
  const kick = setImmediate(() => {
    controllerManager.start();
    scheduler = startScheduler();
    nodes.start();
  });

  return {
    explain: (namespace, name) => scheduler?.explain(namespace, name),
    nodes,
    controllerManager,
    stop: async () => {
      clearImmediate(kick);
      await nodes.stop();
      await scheduler?.stop();
      await schedulerInformers.shutdown();
      await controllerManager.stop();
    },
  };
}
