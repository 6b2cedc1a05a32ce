import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, CompactedError } from './index';
import type { Store, WatchEvent } from './index';

/** Collects events until `count` have arrived. */
function collect(store: Store, prefix: string, after: number, count: number) {
  const events: WatchEvent[] = [];
  const calls: number[] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const watcher = store.watch(prefix, after, (batch) => {
    calls.push(batch.length);
    events.push(...batch);
    if (events.length >= count) done();
  });
  return { events, calls, finished, watcher };
}

test('watch replays history after the revision, then goes live, in order with no gaps', async () => {
  const s = openStore({ inMemory: true });
  for (let i = 0; i < 10; i++) await s.create(`/w/k${i}`, 'v');
  const w = collect(s, '/w/', 4, 6 + 20);
  const live = Array.from({ length: 20 }, (_, i) => s.update(`/w/k${i % 10}`, `u${i}`));
  await Promise.all(live);
  await w.finished;
  assert.deepEqual(w.events.map((e) => e.kv.modRevision), Array.from({ length: 26 }, (_, i) => i + 5));
  const last = w.events[w.events.length - 1];
  assert.equal(last.prevKv?.value, 'u9');
  w.watcher.cancel();
  s.close();
});

test('watch sees only its prefix, and deletes carry the deleted object', async () => {
  const s = openStore({ inMemory: true });
  const w = collect(s, '/r/pods/', 0, 3);
  await s.create('/r/pods/a', 'a');
  await s.create('/r/services/a', 's');
  await s.update('/r/pods/a', 'a2');
  await s.delete('/r/pods/a');
  await w.finished;
  assert.deepEqual(w.events.map((e) => [e.type, e.kv.key, e.kv.modRevision]), [
    ['PUT', '/r/pods/a', 1],
    ['PUT', '/r/pods/a', 3],
    ['DELETE', '/r/pods/a', 4],
  ]);
  assert.equal(w.events[2].prevKv?.value, 'a2');
  assert.equal(w.events[0].prevKv, undefined);
  s.close();
});

test('an event is delivered only after its write is acknowledged', async () => {
  const s = openStore({ inMemory: true });
  const acknowledged = new Set<number>();
  let violations = 0;
  s.watch('/', 0, (events) => {
    for (const e of events) if (!acknowledged.has(e.kv.modRevision) && e.kv.modRevision > s.revision) violations++;
  });
  await Promise.all(Array.from({ length: 30 }, (_, i) => s.create(`/k${i}`, 'v').then((kv) => acknowledged.add(kv.modRevision))));
  await new Promise((r) => setImmediate(r));
  assert.equal(violations, 0);
  s.close();
});

test('a cancelled watcher gets nothing more', async () => {
  const s = openStore({ inMemory: true });
  const got: WatchEvent[] = [];
  const watcher = s.watch('/', 0, (events) => got.push(...events));
  await s.create('/a', '1');
  await new Promise((r) => setImmediate(r));
  watcher.cancel();
  await s.create('/b', '2');
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(got.map((e) => e.kv.key), ['/a']);
  s.close();
});

test('a long history arrives in several ordered batches', async () => {
  const s = openStore({ inMemory: true });
  await Promise.all(Array.from({ length: 2500 }, (_, i) => s.create(`/h/${i}`, 'v')));
  const w = collect(s, '/h/', 0, 2500);
  await w.finished;
  assert.ok(w.calls.length >= 3, `expected chunked delivery, got ${w.calls.join(',')}`);
  assert.deepEqual(w.events.map((e) => e.kv.modRevision), Array.from({ length: 2500 }, (_, i) => i + 1));
  s.close();
});

test('watching from before the compacted revision answers CompactedError', async () => {
  const s = openStore({ inMemory: true });
  for (let i = 0; i < 5; i++) await s.create(`/k${i}`, 'v');
  s.compact(4);
  const err = (() => {
    try {
      s.watch('/', 2, () => {});
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof CompactedError);
  assert.equal(err.compactRevision, 4);
  const w = collect(s, '/', 4, 1);
  await w.finished;
  assert.deepEqual(w.events.map((e) => e.kv.modRevision), [5]);
  s.close();
});
