import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from './api-client';
import { FakeClock, settle } from './fake-clock';
import { byNodeName, byOwnerUid } from './indexer';
import { Informer } from './informer';
import { SharedInformerFactory } from './informer-factory';
import { silentLogger } from './logger';
import { startTestApi, type TestApi } from './test-support';

let api: TestApi;
let informers: Informer[] = [];
beforeEach(async () => (api = await startTestApi()));
afterEach(async () => {
  await Promise.all(informers.map((i) => i.stop()));
  informers = [];
  api.close();
});

const pod = (name: string, extra: { nodeName?: string; owner?: string; labels?: Record<string, string> } = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    labels: extra.labels ?? {},
    ...(extra.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: extra.owner, controller: true }] } : {}),
  },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) },
});

const startPods = (clock = new FakeClock()): { informer: Informer; log: string[] } => {
  const informer = new Informer({ client: api.client(), apiVersion: 'v1', kind: 'Pod', clock, logger: silentLogger, indexers: { node: byNodeName, owner: byOwnerUid } });
  informers.push(informer);
  const log: string[] = [];
  informer.addEventHandler({
    onAdd: (o) => log.push(`add ${o.metadata.name}`),
    onUpdate: (old, o) => log.push(`update ${o.metadata.name} ${old.metadata.labels?.v ?? ''}->${o.metadata.labels?.v ?? ''}`),
    onDelete: (o) => log.push(`delete ${o.metadata.name}`),
  });
  informer.start();
  return { informer, log };
};

test('lists first, then sees adds, updates and deletes in order', async () => {
  const client = api.client();
  await client.create(pod('before'));
  const { informer, log } = startPods();
  assert.equal(await informer.waitForSync(), true);
  assert.ok(informer.hasSynced());
  await client.create(pod('a'));
  const a = await client.get('v1', 'Pod', 'default', 'a');
  await client.update({ ...a, metadata: { ...a.metadata, labels: { v: '2' } } });
  await client.delete('v1', 'Pod', 'default', 'before', { gracePeriodSeconds: 0 });
  await settle();
  assert.deepEqual(log, ['add before', 'add a', 'update a ->2', 'delete before']);
  assert.deepEqual(informer.lister.list().map((o) => o.metadata.name), ['a']);
  assert.equal(informer.lister.namespace('default').get('a')?.metadata.labels.v, '2');
});

test('indexes answer pods by node and by owner, and follow changes', async () => {
  const client = api.client();
  await client.create(pod('p1', { nodeName: 'n1', owner: 'u1' }));
  await client.create(pod('p2', { nodeName: 'n1', owner: 'u2' }));
  const { informer } = startPods();
  await informer.waitForSync();
  await client.create(pod('p3', { nodeName: 'n2', owner: 'u1' }));
  await client.delete('v1', 'Pod', 'default', 'p1', { gracePeriodSeconds: 0 });
  await settle();
  const names = (objs: Obj[]) => objs.map((o) => o.metadata.name).sort();
  assert.deepEqual(names(informer.lister.byIndex('node', 'n1')), ['p2']);
  assert.deepEqual(names(informer.lister.byIndex('node', 'n2')), ['p3']);
  assert.deepEqual(names(informer.lister.byIndex('owner', 'u1')), ['p3']);
  assert.equal(informer.lister.countByIndex('owner', 'u2'), 1);
});

test('a dropped watch resumes from the last resourceVersion without replaying or missing events', async () => {
  const client = api.client();
  const { informer, log } = startPods();
  await informer.waitForSync();
  await client.create(pod('x'));
  await settle();
  api.handlers.hold();
  api.handlers.dropWatches();
  await client.create(pod('y'));
  api.handlers.resume();
  await settle();
  await client.create(pod('z'));
  await settle();
  assert.deepEqual(log, ['add x', 'add y', 'add z']);
});

test('after a compaction (410 Expired) it relists and reconciles the cache without losing objects', async () => {
  const client = api.client();
  await client.create(pod('keep'));
  await client.create(pod('gone'));
  await client.create(pod('changed'));
  const { informer, log } = startPods();
  await informer.waitForSync();
  log.length = 0;
  api.handlers.hold();
  api.handlers.dropWatches();
  await client.delete('v1', 'Pod', 'default', 'gone', { gracePeriodSeconds: 0 });
  const changed = await client.get('v1', 'Pod', 'default', 'changed');
  await client.update({ ...changed, metadata: { ...changed.metadata, labels: { v: 'new' } } });
  await client.create(pod('fresh'));
  api.store.compact(api.store.revision);
  api.handlers.resume();
  await settle(50);
  assert.deepEqual(log.sort(), ['add fresh', 'delete gone', 'update changed ->new']);
  assert.deepEqual(informer.lister.list().map((o) => o.metadata.name).sort(), ['changed', 'fresh', 'keep']);
  await client.create(pod('after'));
  await settle();
  assert.ok(informer.lister.namespace('default').get('after'), 'the watch resumed after the relist');
});

test('periodic resync replays cached objects as updates on the injected clock', async () => {
  const clock = new FakeClock();
  await api.client().create(pod('r'));
  const informer = new Informer({ client: api.client(), apiVersion: 'v1', kind: 'Pod', clock, resyncPeriodMs: 30_000, logger: silentLogger });
  informers.push(informer);
  let resyncs = 0;
  informer.addEventHandler({ onUpdate: (old, o) => (resyncs += old === o ? 1 : 0) });
  informer.start();
  await informer.waitForSync();
  await clock.advance(29_000);
  assert.equal(resyncs, 0);
  await clock.advance(1_000);
  assert.equal(resyncs, 1);
});

test('a handler added after sync first gets every cached object', async () => {
  await api.client().create(pod('early'));
  const { informer } = startPods();
  await informer.waitForSync();
  const seen: string[] = [];
  informer.addEventHandler({ onAdd: (o, initial) => seen.push(`${o.metadata.name} ${initial}`) });
  assert.deepEqual(seen, ['early true']);
});

test('the factory shares one informer per kind and merges indexers', async () => {
  const factory = new SharedInformerFactory({ client: api.client(), logger: silentLogger });
  const a = factory.informerFor('v1', 'Pod', { node: byNodeName });
  const b = factory.informerFor('v1', 'Pod', { owner: byOwnerUid });
  assert.equal(a, b);
  assert.ok(a.indexer.hasIndex('node') && a.indexer.hasIndex('owner'));
  factory.start();
  assert.equal(await factory.waitForCacheSync(), true);
  const nodes = factory.informerFor('v1', 'Node');
  assert.equal(await nodes.waitForSync(), true, 'an informer asked for after start starts at once');
  await factory.shutdown();
});

test('a node agent sees only its own pods through a field selector', async () => {
  const client = api.client();
  const factory = new SharedInformerFactory({ client: api.client('system:node:n1'), logger: silentLogger, selectors: { 'v1/Pod': { fieldSelector: 'spec.nodeName=n1' } } });
  const pods = factory.informerFor('v1', 'Pod');
  const seen: string[] = [];
  pods.addEventHandler({ onAdd: (o) => seen.push(`add ${o.metadata.name}`), onDelete: (o) => seen.push(`delete ${o.metadata.name}`) });
  await client.create(pod('mine', { nodeName: 'n1' }));
  await client.create(pod('theirs', { nodeName: 'n2' }));
  factory.start();
  await factory.waitForCacheSync();
  await client.create(pod('later', { nodeName: 'n1' }));
  await client.delete('v1', 'Pod', 'default', 'mine', { gracePeriodSeconds: 0 });
  await settle();
  assert.deepEqual(seen, ['add mine', 'add later', 'delete mine']);
  await factory.shutdown();
});
