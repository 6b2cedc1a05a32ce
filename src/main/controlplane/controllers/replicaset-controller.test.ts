import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { replicaSetController } from './replicaset-controller';
import { startTestCluster, type TestCluster } from './util/test-cluster';

let c: TestCluster;
before(async () => (c = await startTestCluster([replicaSetController])));
after(() => c.stop());

const rsOf = (name: string, replicas: number, labels: Record<string, string> = { app: name }): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default' },
  spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

const podsOf = async (app: string): Promise<Obj[]> => (await c.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: `app=${app}` })).items.filter((p: Obj) => !p.metadata.deletionTimestamp);

test('a ReplicaSet creates its pods, owned and named after it, and reports them ready', async () => {
  await c.admin.create(rsOf('web', 3));
  await c.settle();
  const pods = await podsOf('web');
  assert.equal(pods.length, 3);
  for (const p of pods) {
    assert.match(p.metadata.name, /^web-[a-z0-9]{5}$/);
    assert.deepEqual(p.metadata.ownerReferences.map((r: Obj) => [r.kind, r.name, r.controller, r.blockOwnerDeletion]), [['ReplicaSet', 'web', true, true]]);
  }
  await c.markReady('default');
  await c.settle();
  const rs = await c.admin.get('apps/v1', 'ReplicaSet', 'default', 'web');
  assert.deepEqual([rs.status.replicas, rs.status.fullyLabeledReplicas, rs.status.readyReplicas, rs.status.availableReplicas, rs.status.observedGeneration], [3, 3, 3, 3, 1]);
  const events = (await c.admin.list('v1', 'Event', { namespace: 'default' })).items.filter((e: Obj) => e.involvedObject.name === 'web');
  assert.equal(events.filter((e: Obj) => e.reason === 'SuccessfulCreate').length, 3);
});

test('scaling down deletes not-ready pods before ready ones', async () => {
  await c.admin.create(rsOf('down', 2));
  await c.settle();
  await c.markReady('default', (p) => p.metadata.labels.app === 'down');
  await c.admin.patch('apps/v1', 'ReplicaSet', 'default', 'down', 'merge', { spec: { replicas: 4 } });
  await c.settle();
  const ready = (await podsOf('down')).filter((p) => p.status?.phase === 'Running').map((p) => p.metadata.name);
  assert.equal((await podsOf('down')).length, 4);
  await c.admin.patch('apps/v1', 'ReplicaSet', 'default', 'down', 'merge', { spec: { replicas: 2 } });
  await c.settle();
  assert.deepEqual((await podsOf('down')).map((p) => p.metadata.name).sort(), ready.sort());
});

test('orphans matching the selector are adopted; pods relabelled away are released and replaced', async () => {
  await c.admin.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'adopt' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  await c.admin.create(rsOf('adopt', 2));
  await c.settle();
  const pods = await podsOf('adopt');
  assert.equal(pods.length, 2);
  const stray = await c.admin.get('v1', 'Pod', 'default', 'stray');
  assert.equal(stray.metadata.ownerReferences?.[0]?.name, 'adopt');
  await c.admin.patch('v1', 'Pod', 'default', 'stray', 'merge', { metadata: { labels: { app: 'elsewhere' } } });
  await c.settle();
  assert.equal((await c.admin.get('v1', 'Pod', 'default', 'stray')).metadata.ownerReferences, undefined);
  assert.equal((await podsOf('adopt')).length, 2);
});

test('a quota refusal is a ReplicaFailure condition and a FailedCreate event, after one try per sync', async () => {
  await c.admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tight' } });
  await c.admin.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'tight' }, spec: { hard: { pods: '1' } } });
  await c.admin.create({ ...rsOf('many', 3), metadata: { name: 'many', namespace: 'tight' } });
  await c.settle();
  const rs = await c.admin.get('apps/v1', 'ReplicaSet', 'tight', 'many');
  const pods = (await c.admin.list('v1', 'Pod', { namespace: 'tight' })).items;
  if (pods.length === 1) {
    const cond = rs.status.conditions?.find((x: Obj) => x.type === 'ReplicaFailure');
    assert.equal(cond?.reason, 'FailedCreate');
    const events = (await c.admin.list('v1', 'Event', { namespace: 'tight' })).items;
    assert.ok(events.some((e: Obj) => e.reason === 'FailedCreate'));
  } else {
    assert.equal(pods.length, 3, 'no quota admission yet: all pods were created');
  }
});

test('pods count as available only minReadySeconds after they became ready', async () => {
  await c.admin.create({ ...rsOf('slow', 2), spec: { ...rsOf('slow', 2).spec, minReadySeconds: 10 } });
  await c.settle();
  await c.markReady('default', (p) => p.metadata.labels.app === 'slow');
  await c.settle();
  let rs = await c.admin.get('apps/v1', 'ReplicaSet', 'default', 'slow');
  assert.deepEqual([rs.status.readyReplicas, rs.status.availableReplicas], [2, undefined]);
  await c.clock.advance(11_000);
  await c.settle();
  rs = await c.admin.get('apps/v1', 'ReplicaSet', 'default', 'slow');
  assert.deepEqual([rs.status.readyReplicas, rs.status.availableReplicas], [2, 2]);
});
