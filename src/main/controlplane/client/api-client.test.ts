import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../shared/k8s/status';
import type { WatchEventOut } from '../apiserver/registry/types';
import { settle } from './fake-clock';
import { startTestApi, type TestApi } from './test-support';

let api: TestApi;
before(async () => (api = await startTestApi()));
after(() => api.close());

const cm = (name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', labels },
  data,
});

test('create, get, update, patch and delete go through the storage', async () => {
  const client = api.client();
  const created = await client.create(cm('one', { a: '1' }));
  assert.ok(created.metadata.uid);
  const got = await client.get('v1', 'ConfigMap', 'default', 'one');
  assert.deepEqual(got.data, { a: '1' });
  got.data.a = '2';
  const updated = await client.update(got);
  assert.notEqual(updated.metadata.resourceVersion, created.metadata.resourceVersion);
  const patched = await client.patch('v1', 'ConfigMap', 'default', 'one', 'merge', { data: { b: '3' } });
  assert.deepEqual(patched.data, { a: '2', b: '3' });
  await client.delete('v1', 'ConfigMap', 'default', 'one');
  await assert.rejects(client.get('v1', 'ConfigMap', 'default', 'one'), (e: StatusError) => e.code === 404);
});

test('a stale update is a 409 Conflict, as optimistic concurrency requires', async () => {
  const client = api.client();
  const first = await client.create(cm('stale'));
  await client.update({ ...first, data: { x: '1' } });
  await assert.rejects(client.update({ ...first, data: { x: '2' } }), (e: StatusError) => e.code === 409 && e.reason === 'Conflict');
});

test('list filters by label selector and pages with continue', async () => {
  const client = api.client();
  for (let i = 0; i < 5; i++) await client.create(cm(`page-${i}`, {}, { app: i % 2 ? 'odd' : 'even' }));
  const odd = await client.list('v1', 'ConfigMap', { namespace: 'default', labelSelector: 'app=odd' });
  assert.deepEqual(odd.items.map((o: any) => o.metadata.name).sort(), ['page-1', 'page-3']);
  const page = await client.list('v1', 'ConfigMap', { namespace: 'default', labelSelector: 'app', limit: 2 });
  assert.equal(page.items.length, 2);
  assert.ok(page.metadata.continue);
  const all = await client.listAll('v1', 'ConfigMap', { namespace: 'default', labelSelector: 'app', limit: 2 });
  assert.equal(all.items.length, 5);
});

test('watch delivers changes after a resourceVersion until stopped', async () => {
  const client = api.client();
  const start = await client.list('v1', 'ConfigMap', { namespace: 'default' });
  const events: WatchEventOut[] = [];
  const w = client.watch('v1', 'ConfigMap', { namespace: 'default', resourceVersion: start.metadata.resourceVersion }, (e) => events.push(e));
  await client.create(cm('watched'));
  await client.delete('v1', 'ConfigMap', 'default', 'watched');
  await settle();
  assert.deepEqual(events.map((e) => `${e.type} ${e.object.metadata.name}`), ['ADDED watched', 'DELETED watched']);
  w.stop();
  await w.done;
});

test('unknown kinds are a 404 before reaching the storage', async () => {
  await assert.rejects(api.client().get('v1', 'Nope', 'default', 'x'), (e: StatusError) => e.code === 404);
});

test('scale subresource reads and writes spec.replicas', async () => {
  const client = api.client();
  const labels = { app: 'web' };
  await client.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  });
  const scale = await client.getScale('apps/v1', 'Deployment', 'default', 'web');
  assert.equal(scale.spec.replicas, 1);
  await client.updateScale('apps/v1', 'Deployment', 'default', 'web', { ...scale, spec: { replicas: 4 } });
  const deployment = await client.get('apps/v1', 'Deployment', 'default', 'web');
  assert.equal(deployment.spec.replicas, 4);
});

test('server-side apply owns fields per manager: conflicts are 409 unless forced', async () => {
  const client = api.client();
  const desired = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied', namespace: 'default' }, data: { k: 'a' } };
  const created = await client.apply(desired, { fieldManager: 'deployer' });
  assert.equal(created.data.k, 'a');
  assert.ok(created.metadata.managedFields.some((m: any) => m.manager === 'deployer' && m.operation === 'Apply'));
  const other = { ...desired, data: { k: 'b' } };
  await assert.rejects(client.apply(other, { fieldManager: 'intruder' }), (e: StatusError) => e.code === 409);
  const forced = await client.apply(other, { fieldManager: 'intruder', force: true });
  assert.equal(forced.data.k, 'b');
});

test('updateStatus changes status only', async () => {
  const client = api.client();
  await client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'st', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  const pod = await client.get('v1', 'Pod', 'default', 'st');
  const updated = await client.updateStatus({ ...pod, spec: { ...pod.spec, activeDeadlineSeconds: 5 }, status: { ...pod.status, phase: 'Running' } });
  assert.equal(updated.status.phase, 'Running');
  assert.equal(updated.spec.activeDeadlineSeconds, undefined, 'spec changes through /status are dropped');
});

test('bindPod sets spec.nodeName through pods/binding, once', async () => {
  const client = api.client('system:kube-scheduler');
  await client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bind-me', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  await client.bindPod('default', 'bind-me', 'node-a');
  const pod = await client.get('v1', 'Pod', 'default', 'bind-me');
  assert.equal(pod.spec.nodeName, 'node-a');
  await assert.rejects(client.bindPod('default', 'bind-me', 'node-b'), (e: StatusError) => e.code === 409 && /already assigned to node "node-a"/.test(e.message));
});
