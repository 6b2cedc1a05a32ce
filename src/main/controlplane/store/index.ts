// Opens the store: a SQLite file in `<dataDir>/state.db`, or ':memory:' for tests (same code).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './types';
import { configure } from './schema';
import { SqliteStore } from './sqlite-store';
import { MemorySyncer, WalFileSyncer } from './wal-sync';
import { STATE_FILE } from './backup';

export type { KeyValue, RangeOptions, RangeResult, Store, WatchEvent, Watcher } from './types';
export * from './errors';
export { backupDataDir, restoreStore, STATE_FILE } from './backup';
export { createCompactionPolicy, compactionTarget } from './compaction-policy';
export type { Clock, CompactionPolicyOptions } from './compaction-policy';

export interface OpenStoreOptions {
  /** folder holding state.db; created if missing. Required unless inMemory. */
  dataDir?: string;
  /** keep everything in memory (tests); durability calls become no-ops */
  inMemory?: boolean;
  /** time source for the compaction policy started by the caller; the store itself needs none */
  clock?: { now(): number };
}

export function openStore(options: OpenStoreOptions): Store {
  if (options.inMemory) {
    const db = new Database(':memory:');
    configure(db, true);
    return new SqliteStore(db, new MemorySyncer());
  }
  const dataDir = options.dataDir;
  if (!dataDir) throw new Error('openStore needs a dataDir, or inMemory: true');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, STATE_FILE);
  const db = new Database(file, { timeout: 0 });
  try {
    configure(db, false);
    return new SqliteStore(db, new WalFileSyncer(`${file}-wal`));
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`the store in ${dataDir} is already open in another process`);
    }
    throw err;
  }
}
