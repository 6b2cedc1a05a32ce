// The on-disk layout: kine's single log table. One row per write; id is the revision.
// A delete writes a tombstone row that also carries the deleted value, so a DELETE event
// keeps its previous object even after the older rows have been compacted away.
import type Database from 'better-sqlite3';

export const SCHEMA_ID = 'wheelhouse-store';
export const SCHEMA_VERSION = '1';

const DDL = `
CREATE TABLE IF NOT EXISTS log (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  create_revision INTEGER NOT NULL,
  prev_revision INTEGER NOT NULL,
  version INTEGER NOT NULL,
  value TEXT NOT NULL
);
-- (key, id, deleted) covers "newest live row per key" lookups, so counting never reads values.
CREATE INDEX IF NOT EXISTS log_key_id ON log (key, id, deleted);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * WAL + synchronous=NORMAL: a commit is one write() to the -wal file and no fsync; the group
 * committer fsyncs that file once per batch. Exclusive locking keeps a second process (a second
 * engine, or a restore) away from a live store and lets SQLite skip the shared-memory index.
 */
export function configure(db: Database.Database, inMemory: boolean): void {
  if (!inMemory) {
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`cannot switch the store to WAL mode (got ${String(mode)})`);
    db.pragma('synchronous = NORMAL');
  }
  db.exec(DDL);
  const row = db.prepare(`SELECT value FROM meta WHERE name = 'schema'`).get() as { value: string } | undefined;
  if (!row) {
    db.prepare(`INSERT INTO meta (name, value) VALUES ('schema', ?), ('compact_revision', '0')`).run(
      `${SCHEMA_ID}/${SCHEMA_VERSION}`,
    );
  } else if (row.value !== `${SCHEMA_ID}/${SCHEMA_VERSION}`) {
    throw new Error(`unsupported store schema ${row.value}; this build reads ${SCHEMA_ID}/${SCHEMA_VERSION}`);
  }
}

/** Why `db` is not a Wheelhouse store, or undefined when it is one. */
export function schemaProblem(db: Database.Database): string | undefined {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
  const names = new Set(tables.map((t) => t.name));
  if (!names.has('log') || !names.has('meta')) return 'it has no Wheelhouse log/meta tables';
  const row = db.prepare(`SELECT value FROM meta WHERE name = 'schema'`).get() as { value: string } | undefined;
  if (!row || !row.value.startsWith(`${SCHEMA_ID}/`)) return 'its meta table does not name a Wheelhouse store';
  if (row.value !== `${SCHEMA_ID}/${SCHEMA_VERSION}`) return `its schema ${row.value} is not supported`;
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') return `SQLite integrity check failed: ${String(check)}`;
  return undefined;
}
