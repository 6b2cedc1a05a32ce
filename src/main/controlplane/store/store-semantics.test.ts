import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, KeyExistsError, KeyNotFoundError, RevisionMismatchError, FutureRevisionError } from './index';

test('revisions, versions and create revisions follow etcd', async () => {
  const s = openStore({ inMemory: true });
  assert.equal(s.revision, 0);
  const a = await s.create('/r/pods/a', '1');
  assert.deepEqual({ ...a }, { key: '/r/pods/a', value: '1', createRevision: 1, modRevision: 1, version: 1 });
  await s.create('/r/pods/b', 'b');
  const a2 = await s.update('/r/pods/a', '2');
  assert.deepEqual([a2.createRevision, a2.modRevision, a2.version], [1, 3, 2]);
  assert.equal(s.revision, 3);
  assert.equal(s.get('/r/pods/a')?.value, '2');
  s.close();
});

test('create refuses a live key; update and delete refuse a missing one', async () => {
  const s = openStore({ inMemory: true });
  await s.create('/k', 'v');
  await assert.rejects(s.create('/k', 'again'), KeyExistsError);
  await assert.rejects(s.update('/missing', 'v'), KeyNotFoundError);
  await assert.rejects(s.delete('/missing'), KeyNotFoundError);
  assert.equal(s.revision, 1, 'a refused write takes no revision');
  s.close();
});

test('compare-and-swap on mod revision carries the current kv when it loses', async () => {
  const s = openStore({ inMemory: true });
  const v1 = await s.create('/k', 'v1');
  const v2 = await s.update('/k', 'v2', v1.modRevision);
  const err = await s.update('/k', 'stale', v1.modRevision).catch((e: unknown) => e);
  assert.ok(err instanceof RevisionMismatchError);
  assert.equal(err.current.modRevision, v2.modRevision);
  assert.equal(err.current.value, 'v2');
  await assert.rejects(s.delete('/k', v1.modRevision), RevisionMismatchError);
  assert.equal((await s.delete('/k', v2.modRevision)).value, 'v2');
  s.close();
});

test('delete leaves a tombstone: gone now, readable at older revisions, re-create starts at version 1', async () => {
  const s = openStore({ inMemory: true });
  await s.create('/k', 'v1');
  const deleted = await s.delete('/k');
  assert.equal(deleted.value, 'v1');
  assert.equal(s.get('/k'), undefined);
  assert.equal(s.get('/k', 1)?.value, 'v1');
  assert.equal(s.get('/k', 2), undefined);
  const again = await s.create('/k', 'v3');
  assert.deepEqual([again.createRevision, again.modRevision, again.version], [3, 3, 1]);
  s.close();
});

test('range at an older revision sees the keys as they were', async () => {
  const s = openStore({ inMemory: true });
  await s.create('/r/pods/ns/a', 'a1'); // 1
  await s.create('/r/pods/ns/b', 'b1'); // 2
  await s.update('/r/pods/ns/a', 'a2'); // 3
  await s.delete('/r/pods/ns/b'); // 4
  await s.create('/r/pods/ns/c', 'c1'); // 5
  await s.create('/r/podsx/other', 'x'); // 6: shares the string prefix "/r/pods" only
  const values = (rev?: number) => s.range('/r/pods/', { revision: rev }).kvs.map((kv) => kv.value);
  assert.deepEqual(values(2), ['a1', 'b1']);
  assert.deepEqual(values(3), ['a2', 'b1']);
  assert.deepEqual(values(4), ['a2']);
  assert.deepEqual(values(), ['a2', 'c1']);
  assert.equal(s.range('/r/pods/', { revision: 3 }).revision, 3);
  assert.equal(s.range('/r/pods/').revision, 6);
  assert.throws(() => s.range('/r/', { revision: 7 }), FutureRevisionError);
  assert.throws(() => s.get('/r/pods/ns/a', 99), FutureRevisionError);
  s.close();
});

test('paging with limit and startAfter reports what remains, now and at an old revision', async () => {
  const s = openStore({ inMemory: true });
  for (let i = 0; i < 7; i++) await s.create(`/r/cm/k${i}`, String(i));
  await s.create('/r/other', 'x');
  const rev = s.revision;
  for (const revision of [undefined, rev]) {
    const p1 = s.range('/r/cm/', { limit: 3, revision });
    assert.deepEqual(p1.kvs.map((kv) => kv.key), ['/r/cm/k0', '/r/cm/k1', '/r/cm/k2']);
    assert.deepEqual([p1.more, p1.remaining], [true, 4]);
    const p2 = s.range('/r/cm/', { limit: 3, startAfter: '/r/cm/k2', revision });
    assert.deepEqual(p2.kvs.map((kv) => kv.key), ['/r/cm/k3', '/r/cm/k4', '/r/cm/k5']);
    assert.deepEqual([p2.more, p2.remaining], [true, 1]);
    const p3 = s.range('/r/cm/', { limit: 3, startAfter: '/r/cm/k5', revision });
    assert.deepEqual(p3.kvs.map((kv) => kv.key), ['/r/cm/k6']);
    assert.deepEqual([p3.more, p3.remaining], [false, 0]);
  }
  assert.equal(s.count('/r/cm/'), 7);
  assert.equal(s.count('/r/'), 8);
  assert.equal(s.count(''), 8);
  s.close();
});

test('bad input is refused and leaves nothing written', async () => {
  const s = openStore({ inMemory: true });
  await assert.rejects(s.create('', 'v'), TypeError);
  await assert.rejects(s.create('/k', undefined as unknown as string), TypeError);
  await assert.rejects(s.update('/k', 42 as unknown as string), TypeError);
  assert.equal(s.revision, 0);
  assert.equal(s.count(''), 0);
  assert.equal((await s.create('/k', 'ok')).modRevision, 1);
  s.close();
});

test('concurrent writers each get their own revision and reads see only acknowledged writes', async () => {
  const s = openStore({ inMemory: true });
  const writes = Array.from({ length: 50 }, (_, i) => s.create(`/c/${String(i).padStart(2, '0')}`, 'v'));
  assert.equal(s.revision, 0, 'nothing is readable before it is durable');
  const kvs = await Promise.all(writes);
  assert.deepEqual(kvs.map((kv) => kv.modRevision), Array.from({ length: 50 }, (_, i) => i + 1));
  assert.equal(s.range('/c/').kvs.length, 50);
  s.close();
});
