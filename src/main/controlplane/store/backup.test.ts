import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, restoreStore, backupDataDir } from './index';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'wh-backup-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('backup then restore brings the store back as it was at the backup', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'backup.db');
  const s = openStore({ dataDir: join(dir, 'a') });
  await s.create('/r/pods/a', 'a1');
  await s.update('/r/pods/a', 'a2');
  await s.create('/r/pods/b', 'b1');
  await s.backup(file);
  await s.create('/r/pods/after-backup', 'x');
  s.close();
  assert.deepEqual(readdirSync(dir).sort(), ['a', 'backup.db'], 'a backup is one file');

  restoreStore(file, join(dir, 'a'));
  const restored = openStore({ dataDir: join(dir, 'a') });
  assert.equal(restored.revision, 3);
  assert.deepEqual(restored.range('/r/pods/').kvs.map((kv) => kv.value), ['a2', 'b1']);
  assert.equal(restored.get('/r/pods/a', 1)?.value, 'a1');
  assert.equal((await restored.create('/r/pods/c', 'c')).modRevision, 4);
  restored.close();
});

test('an in-memory store can be backed up and restored into a data folder', async (t) => {
  const dir = tempDir(t);
  const s = openStore({ inMemory: true });
  await s.create('/k', 'v');
  await s.backup(join(dir, 'mem.db'));
  s.close();
  restoreStore(join(dir, 'mem.db'), join(dir, 'data'));
  const restored = openStore({ dataDir: join(dir, 'data') });
  assert.equal(restored.get('/k')?.value, 'v');
  restored.close();
});

test('a stopped data folder can be backed up; a running one is refused', async (t) => {
  const dir = tempDir(t);
  const s = openStore({ dataDir: join(dir, 'a') });
  await s.create('/k', 'v');
  await assert.rejects(backupDataDir(join(dir, 'a'), join(dir, 'x.db')), /in use/);
  assert.throws(() => restoreStore(join(dir, 'x.db'), join(dir, 'a')), /not found/);
  s.close();
  await backupDataDir(join(dir, 'a'), join(dir, 'b.db'));
  restoreStore(join(dir, 'b.db'), join(dir, 'b'));
  const copy = openStore({ dataDir: join(dir, 'b') });
  assert.equal(copy.get('/k')?.value, 'v');
  copy.close();
});

test('restore refuses a file that is not a Wheelhouse store and leaves the data folder alone', async (t) => {
  const dir = tempDir(t);
  const s = openStore({ dataDir: join(dir, 'a') });
  await s.create('/k', 'v');
  s.close();
  writeFileSync(join(dir, 'notes.txt'), 'hello, I am not a database\n'.repeat(100));
  assert.throws(() => restoreStore(join(dir, 'notes.txt'), join(dir, 'a')), /notes\.txt is not a Wheelhouse store backup: not a readable SQLite database/);
  const other = new Database(join(dir, 'other.db'));
  other.exec('CREATE TABLE log (x); CREATE TABLE things (y)');
  other.close();
  assert.throws(() => restoreStore(join(dir, 'other.db'), join(dir, 'a')), /other\.db is not a Wheelhouse store backup: it has no Wheelhouse log\/meta tables/);
  assert.deepEqual(readdirSync(join(dir, 'a')).filter((f) => f.includes('tmp')), [], 'no temporary files left behind');
  const again = openStore({ dataDir: join(dir, 'a') });
  assert.equal(again.get('/k')?.value, 'v');
  again.close();
});

test('restore refuses to replace the store of a running cluster', async (t) => {
  const dir = tempDir(t);
  const s = openStore({ inMemory: true });
  await s.create('/k', 'v');
  await s.backup(join(dir, 'b.db'));
  s.close();
  const running = openStore({ dataDir: join(dir, 'live') });
  assert.throws(() => restoreStore(join(dir, 'b.db'), join(dir, 'live')), /in use/);
  running.close();
  assert.ok(existsSync(join(dir, 'live', 'state.db')));
});
