import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { microTime, type Obj } from '../client';
import { nodeLifecycleController } from './node-lifecycle';
import { startTestCluster, type TestCluster } from './util/test-cluster';

let c: TestCluster;
before(async () => {
  c = await startTestCluster([nodeLifecycleController]);
  await c.admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-node-lease' } });
});
after(() => c.stop());

const nodeOf = (name: string): Obj => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });

async function addNode(name: string): Promise<void> {
  const node = structuredClone(await c.admin.create(nodeOf(name)));
  const now = new Date(c.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  node.status = { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now }] };
  await c.admin.updateStatus(node);
  await renew(name);
}

async function renew(name: string): Promise<void> {
  const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTime(c.clock.now()) };
  const lease = await c.admin.get('coordination.k8s.io/v1', 'Lease', 'kube-node-lease', name).catch(() => undefined);
  if (lease) await c.admin.update({ ...lease, spec });
  else await c.admin.create({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec });
}

const podOn = (name: string, node: string, tolerations?: Obj[]): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }], ...(tolerations ? { tolerations } : {}) },
});

async function markPodReady(name: string): Promise<void> {
  const pod = await c.admin.get('v1', 'Pod', 'default', name);
  pod.status = { ...pod.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: pod.metadata.creationTimestamp }] };
  await c.admin.updateStatus(pod);
}

const readyOf = (n: Obj): Obj => n.status.conditions.find((x: Obj) => x.type === 'Ready');
/** not deleted nor being deleted (no kubelet here finishes the deletion) */
const exists = async (name: string): Promise<boolean> => {
  const pod = await c.admin.get('v1', 'Pod', 'default', name).catch(() => undefined);
  return !!pod && !pod.metadata.deletionTimestamp;
};

test('a node whose lease keeps being renewed stays Ready and untainted', async () => {
  await addNode('alive');
  for (let i = 0; i < 6; i++) {
    await c.clock.advance(10_000);
    await renew('alive');
  }
  await c.settle();
  const node = await c.admin.get('v1', 'Node', undefined, 'alive');
  assert.equal(readyOf(node).status, 'True');
  assert.equal(node.spec?.taints, undefined);
});

test('a node silent for 40 s becomes Unknown and unreachable; its pods turn unready and leave after their toleration', async () => {
  await addNode('gone');
  // As the API server's defaults would: 300 s for unreachable; one pod tolerates only 60 s, one nothing at all.
  const tolerate = (s: number): Obj[] => [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: s }];
  await c.admin.create(podOn('patient', 'gone', tolerate(300)));
  await c.admin.create(podOn('short', 'gone', tolerate(60)));
  await markPodReady('patient');
  await c.clock.advance(35_000);
  await c.settle();
  assert.equal(readyOf(await c.admin.get('v1', 'Node', undefined, 'gone')).status, 'True');

  await c.clock.advance(10_000);
  await c.settle();
  const node = await c.admin.get('v1', 'Node', undefined, 'gone');
  assert.deepEqual([readyOf(node).status, readyOf(node).reason, readyOf(node).message], ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']);
  assert.deepEqual(node.spec.taints.map((t: Obj) => `${t.key}:${t.effect}`).sort(), ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
  const patient = await c.admin.get('v1', 'Pod', 'default', 'patient');
  assert.equal(patient.status.conditions.find((x: Obj) => x.type === 'Ready').status, 'False');

  await c.clock.advance(61_000);
  await c.settle();
  assert.equal(await exists('short'), false, 'evicted after its 60 s toleration');
  assert.equal(await exists('patient'), true);
  await c.clock.advance(240_000);
  await c.settle();
  assert.equal(await exists('patient'), false, 'evicted after 300 s');
});

test('a pod that does not tolerate a NoExecute taint is evicted at once', async () => {
  await addNode('tainted');
  await c.admin.create(podOn('intolerant', 'tainted'));
  const node = await c.admin.get('v1', 'Node', undefined, 'tainted');
  node.spec = { ...node.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] };
  await c.admin.update(node);
  await c.settle();
  assert.equal(await exists('intolerant'), false);
});

test('when the node reports Ready again, the taints go', async () => {
  await addNode('back');
  await c.clock.advance(45_000);
  await c.settle();
  assert.equal(readyOf(await c.admin.get('v1', 'Node', undefined, 'back')).status, 'Unknown');
  await renew('back');
  const node = await c.admin.get('v1', 'Node', undefined, 'back');
  Object.assign(readyOf(node), { status: 'True', reason: 'KubeletReady', lastHeartbeatTime: new Date(c.clock.now()).toISOString() });
  await c.admin.updateStatus(node);
  await c.settle();
  assert.equal((await c.admin.get('v1', 'Node', undefined, 'back')).spec?.taints?.length ?? 0, 0);
});
