import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './index';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'wh-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('closing and reopening brings back values, revisions, history and the compacted revision', async (t) => {
  const dir = tempDir(t);
  const s = openStore({ dataDir: dir });
  await s.create('/a', 'a1');
  await s.create('/b', 'b1');
  await s.update('/a', 'a2');
  await s.delete('/b');
  await s.create('/c', 'c1');
  s.compact(2);
  s.close();

  const again = openStore({ dataDir: dir });
  assert.equal(again.revision, 5);
  assert.equal(again.compactRevision, 2);
  assert.deepEqual(again.range('/').kvs.map((kv) => [kv.key, kv.value, kv.version]), [
    ['/a', 'a2', 2],
    ['/c', 'c1', 1],
  ]);
  assert.equal(again.get('/b', 3)?.value, 'b1');
  const next = await again.update('/a', 'a3');
  assert.equal(next.modRevision, 6);
  again.close();
});

test('a second open of the same data folder is refused while the first is open', async (t) => {
  const dir = tempDir(t);
  const s = openStore({ dataDir: dir });
  await s.create('/a', 'a');
  assert.throws(() => openStore({ dataDir: dir }), /already open/);
  s.close();
  const again = openStore({ dataDir: dir });
  assert.equal(again.get('/a')?.value, 'a');
  again.close();
});

test('writes still waiting for their fsync are made durable by close', async (t) => {
  const dir = tempDir(t);
  const s = openStore({ dataDir: dir });
  const pending = Array.from({ length: 20 }, (_, i) => s.create(`/p/${i}`, 'v'));
  s.close();
  const kvs = await Promise.all(pending);
  assert.equal(kvs.length, 20);
  const again = openStore({ dataDir: dir });
  assert.equal(again.count('/p/'), 20);
  again.close();
});

test('opening needs a data folder unless in memory', () => {
  assert.throws(() => openStore({}), /dataDir/);
});
