// Backup to one file and restore from one file. Both write a temporary file, fsync it and
// rename it into place, so a crash leaves either the old file or the new one, never half of one.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { schemaProblem } from './schema';

export const STATE_FILE = 'state.db';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
}

/** Turns a copied database into one self-contained file (no -wal beside it). */
function makeSelfContained(path: string): void {
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Copies the live database (online, consistent) into `file`. */
export async function backupDatabase(db: Database.Database, file: string): Promise<void> {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempNameFor(target);
  try {
    await db.backup(tmp);
    makeSelfContained(tmp);
    fsyncPath(tmp);
    renameSync(tmp, target);
    fsyncPath(dirname(target));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Backs up the store of a stopped cluster (a running one holds its database exclusively). */
export async function backupDataDir(dataDir: string, file: string): Promise<void> {
  const source = join(resolve(dataDir), STATE_FILE);
  if (!existsSync(source)) throw new Error(`no Wheelhouse store in ${dataDir} (missing ${STATE_FILE})`);
  const db = new Database(source, { timeout: 0, fileMustExist: true });
  try {
    const problem = schemaProblem(db);
    if (problem) throw new Error(`${source} is not a Wheelhouse store: ${problem}`);
    await backupDatabase(db, file);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`the store in ${dataDir} is in use by a running cluster; stop it before backing up`);
    }
    throw err;
  } finally {
    db.close();
  }
}

function validateCopy(tmp: string, source: string): void {
  let db: Database.Database;
  try {
    db = new Database(tmp, { timeout: 0 });
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    throw new Error(`${source} is not a Wheelhouse store backup: not a readable SQLite database (${(err as Error).message})`);
  }
  try {
    const problem = schemaProblem(db);
    if (problem) throw new Error(`${source} is not a Wheelhouse store backup: ${problem}`);
  } finally {
    db.close();
  }
}

/**
 * Folds the current database's WAL into it so that no stale -wal can be replayed over the
 * restored file. Refuses if a running store holds it (its exclusive lock makes us BUSY).
 */
function retireCurrent(target: string): void {
  if (existsSync(target)) {
    try {
      const db = new Database(target, { timeout: 0 });
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') {
        throw new Error(`the store in ${dirname(target)} is in use; stop the cluster before restoring`);
      }
      // A damaged current database is exactly what a restore replaces; its log is meaningless.
    }
  }
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
}

/** Replaces the store in `dataDir` with the backup `file`, after checking it is a Wheelhouse store. */
export function restoreStore(file: string, dataDir: string): void {
  if (!existsSync(file)) throw new Error(`backup file not found: ${file}`);
  mkdirSync(dataDir, { recursive: true });
  const target = join(resolve(dataDir), STATE_FILE);
  const tmp = tempNameFor(target);
  try {
    copyFileSync(file, tmp);
    validateCopy(tmp, file);
    fsyncPath(tmp);
    retireCurrent(target);
    renameSync(tmp, target);
    fsyncPath(dirname(target));
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    throw err;
  }
}
