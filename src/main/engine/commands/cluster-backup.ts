// `wheelhouse cluster backup|restore FILE`: one file holds the whole store.
import { backupDataDir, restoreStore } from '../../controlplane/store';
import { lockHolder } from '../../controlplane/cluster/lock';
import { backupRunningCluster } from '../../controlplane/cluster/backup-client';
import { parseClusterFlags } from './args';

export async function runClusterBackup(argv: string[]): Promise<number> {
  const flags = parseClusterFlags(argv);
  const [file] = flags.positionals;
  if (!file) throw new Error('usage: wheelhouse cluster backup [--data-dir DIR] FILE');
  if (lockHolder(flags.dataDir) !== undefined) await backupRunningCluster(flags.dataDir, file);
  else await backupDataDir(flags.dataDir, file);
  console.log(`wheelhouse: backup of ${flags.dataDir} written to ${file}`);
  return 0;
}

export async function runClusterRestore(argv: string[]): Promise<number> {
  const flags = parseClusterFlags(argv);
  const [file] = flags.positionals;
  if (!file) throw new Error('usage: wheelhouse cluster restore [--data-dir DIR] FILE');
  const holder = lockHolder(flags.dataDir);
  if (holder !== undefined) throw new Error(`the cluster in ${flags.dataDir} is running (pid ${holder}); stop it before restoring`);
  await restoreStore(file, flags.dataDir);
  console.log(`wheelhouse: ${flags.dataDir} restored from ${file}; start it with: wheelhouse cluster start --data-dir ${flags.dataDir}`);
  return 0;
}
