// Figure: idle CPU of a big simulated cluster. One process runs the whole cluster (store on disk, API
// server, controller manager, scheduler, node agents) with 1,000 simulated nodes; 50,000 pods are
// created already bound to nodes (through the in-process client, 64 at a time) and the node agents
// bring them to Running/Ready. Then the process idles for IDLE_SECONDS while lease heartbeats
// (100/s), node status reports and the controllers' periodic work go on; we report its CPU as % of one core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../src/main/controlplane/cluster/cluster';
import { planNodes } from '../src/main/controlplane/kubelet';
import { ApiClient } from '../src/main/controlplane/client';

const NODES = Number(process.env.NODES ?? 1_000);
const PODS = Number(process.env.PODS ?? 50_000);
const IDLE_SECONDS = Number(process.env.IDLE_SECONDS ?? 60);
const CONCURRENCY = 64;

const dataDir = mkdtempSync(join(tmpdir(), 'wh-idle-'));
const nodes = planNodes({ nodes: 1, simulatedNodes: NODES, cpu: '64', memory: '256Gi', pods: 110, zones: ['a', 'b', 'c'], labels: {}, taints: [] });
const t0 = performance.now();
const cluster = await startCluster({ dataDir: process.env.IN_MEMORY ? undefined : dataDir, nodes, log: process.env.LOG ? (l) => console.error(l) : undefined });
const client = new ApiClient({ handlers: cluster.api.storage, resources: cluster.api.resources, user: 'system:admin', userAgent: 'bench/v1' });
await cluster.components!.nodes.waitForSync();
const startedMs = performance.now() - t0;

const podOf = (i: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p-${i}`, namespace: 'default', labels: { app: `a-${i % 100}` } },
  spec: { nodeName: nodes[1 + (i % NODES)].name, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
});

const t1 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < PODS; i = next++) await client.create(podOf(i));
  }),
);
const createMs = performance.now() - t1;

const runningCount = async (): Promise<number> => {
  const list = await client.list('v1', 'Pod', { namespace: 'default', fieldSelector: 'status.phase=Running' });
  return list.items.length;
};
for (;;) {
  const n = await runningCount();
  if (n >= PODS) break;
  await new Promise((r) => setTimeout(r, 1000));
}
const allRunningMs = performance.now() - t1;

// Let the last status writes and informer deliveries drain before measuring.
await new Promise((r) => setTimeout(r, 3000));
const cpu0 = process.cpuUsage();
const w0 = performance.now();
await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - w0;
const percentOfCore = ((cpu.user + cpu.system) / 1000 / wall) * 100;

await cluster.stop();
rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    figure: 'cluster-idle-cpu',
    nodes: NODES,
    pods: PODS,
    startMs: Math.round(startedMs),
    createPodsMs: Math.round(createMs),
    allRunningMs: Math.round(allRunningMs),
    idleSeconds: IDLE_SECONDS,
    idleCpuPercentOfOneCore: Math.round(percentOfCore * 10) / 10,
    userPercent: Math.round((cpu.user / 1000 / wall) * 1000) / 10,
    systemPercent: Math.round((cpu.system / 1000 / wall) * 1000) / 10,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
process.exit(0);
