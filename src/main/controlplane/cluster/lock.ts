// One cluster per data folder: a second `cluster start` or a `restore` on a live folder would
// corrupt what the first one serves. A stale lock (its process gone) is taken over.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** pid of the live process holding the folder, if any */
export function lockHolder(dataDir: string): number | undefined {
  const file = join(dataDir, 'cluster.lock');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
}

export function acquireLock(dataDir: string): () => void {
  const holder = lockHolder(dataDir);
  if (holder !== undefined) throw new Error(`another Wheelhouse cluster (pid ${holder}) is already using ${dataDir}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'cluster.lock');
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
