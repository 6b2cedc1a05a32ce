import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from './api-client';
import { Indexer, byControllerUid, byNodeName, byOwnerUid } from './indexer';
import { Lister } from './lister';

const pod = (i: number, node: string, owner: string, labels: Record<string, string> = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p${i}`, namespace: `ns${i % 10}`, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] },
  spec: { nodeName: node },
});

test('an object moves between index buckets when the indexed field changes', () => {
  const indexer = new Indexer({ node: byNodeName });
  indexer.set(pod(1, 'a', 'o'));
  indexer.set(pod(1, 'b', 'o'));
  assert.equal(indexer.countByIndex('node', 'a'), 0);
  assert.deepEqual(indexer.indexKeys('node', 'b'), ['ns1/p1']);
  indexer.remove('ns1/p1');
  assert.deepEqual(indexer.indexValues('node'), []);
});

test('an index added later files the objects already cached', () => {
  const indexer = new Indexer();
  indexer.set(pod(1, 'a', 'o1'));
  indexer.addIndexers({ owner: byOwnerUid, controller: byControllerUid });
  assert.equal(indexer.countByIndex('owner', 'o1'), 1);
  assert.equal(indexer.countByIndex('controller', 'o1'), 1);
  assert.throws(() => indexer.byIndex('nope', 'x'), /no index named "nope"/);
});

test('listers select by namespace and by label selector, text or object', () => {
  const indexer = new Indexer();
  for (let i = 0; i < 20; i++) indexer.set(pod(i, 'n', 'o', { app: i % 2 ? 'web' : 'db', tier: String(i % 3) }));
  const lister = new Lister(indexer);
  assert.equal(lister.namespace('ns1').list().length, 2);
  assert.equal(lister.list('app=web').length, 10);
  assert.equal(lister.list({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['0'] }] }).length, 3);
  assert.equal(lister.namespace('ns3').list('app=web').length, 2);
  assert.equal(lister.namespace('ns3').get('p3')?.metadata.name, 'p3');
});

test('at 50,000 pods, pods by node and by owner are direct lookups', () => {
  const indexer = new Indexer({ node: byNodeName, owner: byControllerUid });
  const started = performance.now();
  for (let i = 0; i < 50_000; i++) indexer.set(pod(i, `node-${i % 500}`, `rs-${i % 5_000}`));
  let found = 0;
  for (let n = 0; n < 500; n++) found += indexer.byIndex('node', `node-${n}`).length;
  for (let o = 0; o < 5_000; o++) found += indexer.countByIndex('owner', `rs-${o}`);
  const elapsed = performance.now() - started;
  assert.equal(found, 100_000);
  assert.equal(indexer.byIndex('node', 'node-7').length, 100);
  // Generous bound: a scan per lookup would take minutes here; indexed lookups take well under a second.
  assert.ok(elapsed < 5_000, `took ${elapsed} ms`);
});
