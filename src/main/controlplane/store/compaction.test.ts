import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, CompactedError, createCompactionPolicy, compactionTarget } from './index';

test('compaction keeps every live key and makes older revisions answer compacted', async () => {
  const s = openStore({ inMemory: true });
  await s.create('/a', 'a1'); // 1
  await s.create('/b', 'b1'); // 2
  await s.update('/a', 'a2'); // 3
  await s.delete('/b'); // 4
  await s.create('/c', 'c1'); // 5
  await s.update('/a', 'a3'); // 6
  s.compact(5);
  assert.equal(s.compactRevision, 5);
  assert.throws(() => s.get('/a', 4), CompactedError);
  assert.throws(() => s.range('/', { revision: 1 }), CompactedError);
  assert.deepEqual(s.range('/', { revision: 5 }).kvs.map((kv) => kv.value), ['a2', 'c1']);
  assert.deepEqual(s.range('/').kvs.map((kv) => kv.value), ['a3', 'c1']);
  s.close();
});

test('events after the compacted revision keep their previous values', async () => {
  const s = openStore({ inMemory: true });
  await s.create('/a', 'a1'); // 1
  await s.create('/b', 'b1'); // 2
  await s.update('/a', 'a2'); // 3
  await s.delete('/b'); // 4 — its previous value lives only in the tombstone after compaction
  s.compact(3);
  const events = await new Promise<import('./index').WatchEvent[]>((resolve) => s.watch('/', 3, resolve));
  assert.equal(events.length, 1);
  assert.deepEqual([events[0].type, events[0].prevKv?.value], ['DELETE', 'b1']);
  s.close();
});

test('compacting to an old revision again does nothing', async () => {
  const s = openStore({ inMemory: true });
  for (let i = 0; i < 4; i++) await s.create(`/k${i}`, 'v');
  s.compact(3);
  s.compact(2);
  assert.equal(s.compactRevision, 3);
  assert.equal(s.count('/'), 4);
  s.close();
});

test('the compaction policy keeps the last 5 minutes and the last N revisions', async () => {
  const s = openStore({ inMemory: true });
  let now = 0;
  const tick = createCompactionPolicy(s, { clock: { now: () => now }, retainMs: 5 * 60_000, retainRevisions: 10 });
  for (let i = 0; i < 30; i++) await s.create(`/k${i}`, 'v');
  assert.equal(tick(), undefined, 'nothing is 5 minutes old yet');
  now += 60_000;
  for (let i = 0; i < 30; i++) await s.update(`/k${i}`, 'w');
  assert.equal(tick(), undefined);
  now += 4 * 60_000;
  assert.equal(tick(), 30, 'compacts to what was current 5 minutes ago');
  assert.equal(s.compactRevision, 30);
  assert.equal(compactionTarget([{ time: 0, revision: 100 }], 10 * 60_000, 105, 5 * 60_000, 10), 95);
  s.close();
});
