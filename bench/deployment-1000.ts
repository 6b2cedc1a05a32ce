// Figure: a Deployment of 1,000 replicas from apply to all Ready, on 100 simulated nodes, through
// the whole control plane in one process: deployment and replicaset controllers, scheduler
// (pods/binding), node agents with the simulated runtime (about 1–1.5 s from bind to Ready).
import { startCluster } from '../src/main/controlplane/cluster/cluster';
import { planNodes } from '../src/main/controlplane/kubelet';
import { ApiClient } from '../src/main/controlplane/client';

const NODES = Number(process.env.NODES ?? 100);
const REPLICAS = Number(process.env.REPLICAS ?? 1_000);

const nodes = planNodes({ nodes: 1, simulatedNodes: NODES, cpu: '32', memory: '128Gi', pods: 110, zones: ['a', 'b', 'c'], labels: {}, taints: [] });
const cluster = await startCluster({ nodes, localRuntime: 'simulated', log: process.env.LOG ? (l) => console.error(l) : undefined });
const client = new ApiClient({ handlers: cluster.api.storage, resources: cluster.api.resources, user: 'system:admin', userAgent: 'kubectl/v1.33.0' });
await cluster.components!.nodes.waitForSync();
await cluster.components!.controllerManager.waitForSync();

const t0 = performance.now();
await client.apply(
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'big', namespace: 'default' },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: { app: 'big' } },
      template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
    },
  },
  { fieldManager: 'kubectl', force: true },
);
let ready = 0;
const deadline = Date.now() + 300_000;
while (Date.now() < deadline) {
  const d = await client.get('apps/v1', 'Deployment', 'default', 'big');
  ready = d.status?.readyReplicas ?? 0;
  if (ready >= REPLICAS) break;
  await new Promise((r) => setTimeout(r, 250));
}
const ms = performance.now() - t0;
await cluster.stop();
console.log(JSON.stringify({ figure: 'deployment-1000', nodes: NODES, replicas: REPLICAS, ready, applyToAllReadyMs: Math.round(ms), podsPerSecond: Math.round((ready / ms) * 1000) }));
process.exit(0);
