// Every SQL statement of the store, prepared once. Reads here serve old revisions and watch
// history; the current revision is served from memory (see key-index.ts).
import type Database from 'better-sqlite3';
import type { KeyValue, WatchEvent } from './types';
import { NO_UPPER_BOUND, prefixEnd } from './keys';

export interface LogRow {
  id: number;
  key: string;
  deleted: 0 | 1;
  create_revision: number;
  prev_revision: number;
  version: number;
  value: string;
}

interface EventRow extends LogRow {
  p_deleted: 0 | 1 | null;
  p_value: string | null;
  p_create: number | null;
  p_version: number | null;
}

// Walks the (key, id) index in key order and keeps each key's newest row at or below @rev, so a
// LIMIT stops the scan early instead of grouping the whole prefix first.
const LIVE_AT = `FROM log l WHERE l.key >= @lo AND l.key > @after AND l.key < @hi AND l.id <= @rev
  AND l.id = (SELECT MAX(id) FROM log m WHERE m.key = l.key AND m.id <= @rev) AND l.deleted = 0`;

export function rowToKv(row: LogRow): KeyValue {
  return { key: row.key, value: row.value, createRevision: row.create_revision, modRevision: row.id, version: row.version };
}

function rowToEvent(row: EventRow): WatchEvent {
  if (row.deleted) {
    const prevKv = { key: row.key, value: row.value, createRevision: row.create_revision, modRevision: row.prev_revision, version: row.version };
    return { type: 'DELETE', kv: { key: row.key, value: '', createRevision: 0, modRevision: row.id, version: 0 }, prevKv };
  }
  const event: WatchEvent = { type: 'PUT', kv: rowToKv(row) };
  if (row.p_deleted === 0) {
    event.prevKv = { key: row.key, value: row.p_value ?? '', createRevision: row.p_create ?? 0, modRevision: row.prev_revision, version: row.p_version ?? 0 };
  }
  return event;
}

function bounds(prefix: string, startAfter: string | undefined, rev: number) {
  return { lo: prefix, after: startAfter ?? '', hi: prefixEnd(prefix) ?? NO_UPPER_BOUND, rev };
}

export class LogTable {
  private readonly insert;
  private readonly getAtStmt;
  private readonly rangeAtStmt;
  private readonly countAtStmt;
  private readonly eventsStmt;
  private readonly latestStmt;
  private readonly maxIdStmt;
  private readonly metaGet;
  private readonly metaSet;
  private readonly dropSuperseded;
  private readonly dropTombstones;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO log (id, key, deleted, create_revision, prev_revision, version, value)
       VALUES (@id, @key, @deleted, @create_revision, @prev_revision, @version, @value)`,
    );
    this.getAtStmt = db.prepare(`SELECT * FROM log WHERE key = ? AND id <= ? ORDER BY id DESC LIMIT 1`);
    this.rangeAtStmt = db.prepare(
      `SELECT l.* ${LIVE_AT} ORDER BY l.key LIMIT @limit`,
    );
    // SQLite takes a bare column next to MAX() from the row holding the max: one index-only pass.
    this.countAtStmt = db.prepare(
      `SELECT COUNT(*) AS n FROM (SELECT deleted, MAX(id) FROM log
       WHERE key >= @lo AND key > @after AND key < @hi AND id <= @rev GROUP BY key) WHERE deleted = 0`,
    );
    this.eventsStmt = db.prepare(
      `SELECT l.*, p.deleted AS p_deleted, p.value AS p_value, p.create_revision AS p_create, p.version AS p_version
       FROM log l LEFT JOIN log p ON p.id = l.prev_revision
       WHERE l.id > @from AND l.id <= @to AND l.key >= @lo AND l.key < @hi ORDER BY l.id`,
    );
    this.latestStmt = db.prepare(
      `SELECT l.* FROM log l JOIN (SELECT MAX(id) AS id FROM log GROUP BY key) m ON l.id = m.id WHERE l.deleted = 0 ORDER BY l.key`,
    );
    this.maxIdStmt = db.prepare(`SELECT COALESCE(MAX(id), 0) AS n FROM log`);
    this.metaGet = db.prepare(`SELECT value FROM meta WHERE name = ?`);
    this.metaSet = db.prepare(`INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`);
    // A row is superseded once a later row of its key exists at or below the compact revision.
    this.dropSuperseded = db.prepare(
      `DELETE FROM log WHERE id IN (SELECT prev_revision FROM log WHERE id > ? AND id <= ? AND prev_revision > 0)`,
    );
    this.dropTombstones = db.prepare(`DELETE FROM log WHERE id >= ? AND id < ? AND deleted = 1`);
  }

  /** One row = one autocommit transaction: it is either wholly in the log or not at all. */
  append(row: LogRow): void {
    this.insert.run(row);
  }

  getAt(key: string, rev: number): KeyValue | undefined {
    const row = this.getAtStmt.get(key, rev) as LogRow | undefined;
    return row && !row.deleted ? rowToKv(row) : undefined;
  }

  rangeAt(prefix: string, rev: number, startAfter: string | undefined, limit: number): KeyValue[] {
    const rows = this.rangeAtStmt.all({ ...bounds(prefix, startAfter, rev), limit: limit > 0 ? limit : -1 }) as LogRow[];
    return rows.map(rowToKv);
  }

  countAt(prefix: string, rev: number, startAfter?: string): number {
    return (this.countAtStmt.get(bounds(prefix, startAfter, rev)) as { n: number }).n;
  }

  /** Events on keys under `prefix` with fromRev < revision <= toRev, in revision order. */
  events(prefix: string, fromRev: number, toRev: number): WatchEvent[] {
    const rows = this.eventsStmt.all({ from: fromRev, to: toRev, lo: prefix, hi: prefixEnd(prefix) ?? NO_UPPER_BOUND }) as EventRow[];
    return rows.map(rowToEvent);
  }

  /** The live value of every key, in key order. */
  *latest(): IterableIterator<KeyValue> {
    for (const row of this.latestStmt.iterate() as IterableIterator<LogRow>) yield rowToKv(row);
  }

  maxRevision(): number {
    return (this.maxIdStmt.get() as { n: number }).n;
  }

  compactRevision(): number {
    const row = this.metaGet.get('compact_revision') as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  compact(fromRev: number, toRev: number): void {
    this.db.transaction(() => {
      this.dropSuperseded.run(fromRev, toRev);
      this.dropTombstones.run(fromRev, toRev);
      this.metaSet.run('compact_revision', String(toRev));
    })();
  }
}
