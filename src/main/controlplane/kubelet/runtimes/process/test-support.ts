// For this folder's tests only: a real in-memory API and one local node whose agent runs the process
// runtime with host-network sandboxes (the netns kind needs root and is tested under ../../sandbox).
import { startTestApi, type TestApi } from '../../../client/test-support';
import { consoleLogger, realClock, silentLogger, type Clock, type Obj } from '../../../client';
import { NodeAgentPool } from '../../pool';
import { planNodes } from '../../plan';
import { localRuntimeFor } from '../../local-runtime';
import type { ProcessRuntime } from './runtime';

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
  // The wiring the cluster uses (volumes, probes, events), with pods on the host network.
  const runtime = localRuntimeFor({ kind: 'process', clientFor: (n) => api.client(`system:node:${n}`), clock, logger, hostNetwork: true })(node) as ProcessRuntime;
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
