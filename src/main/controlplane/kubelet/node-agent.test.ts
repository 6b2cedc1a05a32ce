import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../client/test-support';
import { consoleLogger, silentLogger, realClock, type Obj } from '../client';
import { NodeAgentPool } from './pool';
import { planNodes } from './plan';

let api: TestApi;
let pool: NodeAgentPool;
const nodes = planNodes({ nodes: 1, simulatedNodes: 2, cpu: '2', memory: '4Gi', pods: 110, zones: ['a', 'b'], labels: { team: 'x' }, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }], hostname: 'My_Laptop.local' });

before(async () => {
  api = await startTestApi({ namespaces: ['default', 'kube-system', 'kube-node-lease'] });
  // The cluster bootstraps the system priority classes; the mirror pods ask for one.
  await api.client('system:admin').create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical' }, value: 2000001000 });
  pool = new NodeAgentPool({ nodes, clientFor: (n) => api.client(`system:node:${n}`), clock: realClock, logger: process.env.DEBUG ? consoleLogger : silentLogger });
  pool.start();
  await pool.waitForSync();
});
after(async () => {
  await pool.stop();
  api.close();
});

const admin = () => api.client('system:admin');
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('nodes register with labels, taints, capacity, conditions and a lease', async () => {
  assert.deepEqual(nodes.map((n) => n.name), ['my-laptop.local', 'sim-0001', 'sim-0002']);
  const local = await admin().get('v1', 'Node', undefined, 'my-laptop.local');
  assert.equal(local.metadata.labels['node-role.kubernetes.io/control-plane'], '');
  assert.equal(local.metadata.labels['kubernetes.io/hostname'], 'my-laptop.local');
  const sim = await admin().get('v1', 'Node', undefined, 'sim-0002');
  assert.deepEqual([sim.metadata.labels['topology.kubernetes.io/zone'], sim.metadata.labels['wheelhouse.dev/simulated'], sim.metadata.labels.team], ['b', 'true', 'x']);
  assert.deepEqual(sim.spec.taints, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
  assert.deepEqual(sim.status.capacity, { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '100Gi' });
  assert.deepEqual(sim.status.conditions.map((c: Obj) => `${c.type}=${c.status}:${c.reason}`), [
    'NetworkUnavailable=False:RouteCreated',
    'MemoryPressure=False:KubeletHasSufficientMemory',
    'DiskPressure=False:KubeletHasNoDiskPressure',
    'PIDPressure=False:KubeletHasSufficientPID',
    'Ready=True:KubeletReady',
  ]);
  assert.equal(sim.status.nodeInfo.kubeletVersion, 'v1.33.0-wheelhouse');
  const lease = await admin().get('coordination.k8s.io/v1', 'Lease', 'kube-node-lease', 'sim-0001');
  assert.deepEqual([lease.spec.holderIdentity, lease.spec.leaseDurationSeconds], ['sim-0001', 40]);
});

test('the control-plane node shows the control plane as mirror pods, Running', async () => {
  const pods = await until(
    async () => (await admin().list('v1', 'Pod', { namespace: 'kube-system' })).items as Obj[],
    (ps) => ps.length === 4 && ps.every((p) => p.status?.phase === 'Running'),
  );
  assert.deepEqual(pods.map((p) => p.metadata.name).sort(), ['etcd-my-laptop.local', 'kube-apiserver-my-laptop.local', 'kube-controller-manager-my-laptop.local', 'kube-scheduler-my-laptop.local']);
  assert.ok(pods.every((p) => p.metadata.annotations['kubernetes.io/config.mirror'] && p.metadata.labels.tier === 'control-plane'));
});

test('a pod bound to a node becomes Running and Ready; deleting it removes it after its containers stop', async () => {
  await admin().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { nodeName: 'sim-0001', containers: [{ name: 'c', image: 'nginx' }] } });
  const pod = await until(() => admin().get('v1', 'Pod', 'default', 'web'), (p) => p.status?.phase === 'Running', 5000);
  assert.equal(pod.status.phase, 'Running');
  assert.match(pod.status.podIP, /^10\.244\.1\.\d+$/);
  assert.equal(pod.status.hostIP, nodes[1].internalIP);
  await admin().delete('v1', 'Pod', 'default', 'web');
  const gone = await until(() => admin().get('v1', 'Pod', 'default', 'web').then(() => false, () => true), (g) => g, 5000);
  assert.equal(gone, true);
});

test('a node marked Unknown behind its back reports Ready again', async () => {
  const node = await admin().get('v1', 'Node', undefined, 'sim-0002');
  const ready = node.status.conditions.find((c: Obj) => c.type === 'Ready');
  Object.assign(ready, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
  await admin().updateStatus(node);
  const back = await until(() => admin().get('v1', 'Node', undefined, 'sim-0002'), (n) => n.status.conditions.find((c: Obj) => c.type === 'Ready').status === 'True');
  assert.equal(back.status.conditions.find((c: Obj) => c.type === 'Ready').reason, 'KubeletReady');
});
