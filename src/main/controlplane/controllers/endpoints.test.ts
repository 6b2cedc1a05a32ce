import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { endpointsController } from './endpoints';
import { endpointSliceController } from './endpointslice';
import { startTestCluster, type TestCluster } from './util/test-cluster';

let c: TestCluster;
before(async () => (c = await startTestCluster([endpointsController, endpointSliceController])));
after(() => c.stop());

async function runningPod(name: string, ip: string, ready: boolean, labels: Obj = { app: 'web' }): Promise<void> {
  const pod = await c.admin.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
  });
  await c.admin.updateStatus({ ...structuredClone(pod), status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
}

const service = (name: string, selector?: Obj, extra: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', labels: { team: 'a' } },
  spec: { ...(selector ? { selector } : {}), ports: [{ name: 'web', port: 80, targetPort: 'http' }], ...extra },
});

test('Endpoints list ready pods in addresses, unready ones in notReadyAddresses, named ports resolved', async () => {
  await runningPod('a', '10.244.0.5', true);
  await runningPod('b', '10.244.0.4', false);
  await runningPod('other', '10.244.0.9', true, { app: 'db' });
  await c.admin.create(service('web', { app: 'web' }));
  await c.settle();
  const ep = await c.admin.get('v1', 'Endpoints', 'default', 'web');
  assert.deepEqual(ep.subsets, [
    {
      addresses: [{ ip: '10.244.0.5', nodeName: 'node-a', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: ep.subsets[0].addresses[0].targetRef.uid } }],
      notReadyAddresses: [{ ip: '10.244.0.4', nodeName: 'node-a', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: ep.subsets[0].notReadyAddresses[0].targetRef.uid } }],
      ports: [{ name: 'web', port: 8080, protocol: 'TCP' }],
    },
  ]);
  assert.equal(ep.metadata.labels.team, 'a');

  const slices = (await c.admin.list('discovery.k8s.io/v1', 'EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' })).items;
  assert.equal(slices.length, 1);
  assert.equal(slices[0].metadata.labels['endpointslice.kubernetes.io/managed-by'], 'endpointslice-controller.k8s.io');
  assert.equal(slices[0].metadata.ownerReferences[0].name, 'web');
  assert.deepEqual(slices[0].ports, [{ name: 'web', port: 8080, protocol: 'TCP' }]);
  assert.deepEqual(slices[0].endpoints.map((e: Obj) => [e.addresses[0], e.conditions.ready]), [['10.244.0.5', true], ['10.244.0.4', false]]);
});

test('a pod becoming ready moves to addresses; a deleted Service takes its Endpoints along', async () => {
  const b = await c.admin.get('v1', 'Pod', 'default', 'b');
  b.status.conditions = [{ type: 'Ready', status: 'True' }];
  await c.admin.updateStatus(b);
  await c.settle();
  const ep = await c.admin.get('v1', 'Endpoints', 'default', 'web');
  assert.deepEqual(ep.subsets[0].addresses.map((a: Obj) => a.ip), ['10.244.0.4', '10.244.0.5']);
  assert.equal(ep.subsets[0].notReadyAddresses, undefined);
  await c.admin.delete('v1', 'Service', 'default', 'web');
  await c.settle();
  assert.equal(await c.admin.get('v1', 'Endpoints', 'default', 'web').catch(() => undefined), undefined);
  assert.equal((await c.admin.list('discovery.k8s.io/v1', 'EndpointSlice', { namespace: 'default' })).items.length, 0);
});

test('Services without a selector are left alone; more than 100 endpoints split into slices', async () => {
  await c.admin.create(service('manual'));
  for (let i = 0; i < 105; i++) await runningPod(`many-${i}`, `10.244.1.${i + 1}`, true, { app: 'many' });
  await c.admin.create(service('many', { app: 'many' }));
  await c.settle(200);
  assert.equal(await c.admin.get('v1', 'Endpoints', 'default', 'manual').catch(() => undefined), undefined);
  const slices = (await c.admin.list('discovery.k8s.io/v1', 'EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=many' })).items;
  assert.deepEqual(slices.map((s: Obj) => s.endpoints.length).sort((x: number, y: number) => x - y), [5, 100]);
});
