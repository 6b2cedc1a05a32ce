// For this folder's tests only: a real in-memory API and one local node whose agent runs the process
// runtime with host-network sandboxes (the netns kind needs root and is tested under ../../sandbox).
import { startTestApi, type TestApi } from '../../../client/test-support';
import { EventRecorder, consoleLogger, realClock, silentLogger, type Clock, type Obj } from '../../../client';
import { NodeAgentPool } from '../../pool';
import { planNodes } from '../../plan';
import { createPodSandboxes } from '../../sandbox';
import { ProcessRuntime } from './runtime';

export interface ProcessNode {
  api: TestApi;
  pool: NodeAgentPool;
  runtime: ProcessRuntime;
  nodeName: string;
  admin: ReturnType<TestApi['client']>;
  stop(): Promise<void>;
}

export async function startProcessNode(clock: Clock = realClock): Promise<ProcessNode> {
  const api = await startTestApi({ namespaces: ['default', 'kube-system', 'kube-node-lease'] });
  const [node] = planNodes({ nodes: 1, simulatedNodes: 0, cpu: '2', memory: '4Gi', pods: 110, zones: [], labels: {}, taints: [], hostname: 'proc-test' });
  const logger = process.env.DEBUG ? consoleLogger : silentLogger;
  const client = api.client(`system:node:${node.name}`);
  const recorder = new EventRecorder({ client, component: 'kubelet', host: node.name, clock, logger });
  const sandboxes = createPodSandboxes({ nodeName: node.name, podCIDR: node.podCIDR, logger, nodeIP: node.internalIP, prefer: 'host' });
  const runtime = new ProcessRuntime({ client, sandboxes, clock, logger, event: (pod, type, reason, message) => recorder.event({ ...pod, apiVersion: 'v1', kind: 'Pod' }, type, reason, message) });
  const pool = new NodeAgentPool({ nodes: [{ ...node, controlPlane: false }], clientFor: (n) => api.client(`system:node:${n}`), clock, logger, runtimeFor: () => runtime });
  pool.start();
  await pool.waitForSync();
  return {
    api,
    pool,
    runtime,
    nodeName: node.name,
    admin: api.client('system:admin'),
    stop: async () => {
      await pool.stop();
      api.close();
    },
  };
}

/** polls until `ok` holds (or the time is up) and answers the last value read */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const podOn = (nodeName: string, name: string, spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, terminationGracePeriodSeconds: 5, ...spec } });
