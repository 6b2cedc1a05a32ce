// Entry point of the `wheelhouse` command: parses the command line and runs one command.
// Commands are imported when run: `cluster start` must not pay for loading the app's engine
// (client-node, the clusters services), nor `serve` for what only the CLI's other commands use.
import { KUBERNETES_VERSION } from '../../shared/version';

const USAGE = `Usage:
  wheelhouse start                                   open the app (desktop, or web mode without Electron)
  wheelhouse serve [--port N] [--data-dir DIR]       serve the app to a browser at a printed URL
  wheelhouse cluster start [--data-dir DIR] [--kubeconfig FILE] [--port N]
                                                     serve the built-in cluster headless
  wheelhouse cluster backup  [--data-dir DIR] FILE   copy the cluster's store into one file
  wheelhouse cluster restore [--data-dir DIR] FILE   replace the (stopped) cluster's store with a backup
  wheelhouse version`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'cluster' && sub === 'start') return (await import('./commands/cluster-start')).runClusterStart(rest);
  if (command === 'cluster' && sub === 'backup') return (await import('./commands/cluster-backup')).runClusterBackup(rest);
  if (command === 'cluster' && sub === 'restore') return (await import('./commands/cluster-backup')).runClusterRestore(rest);
  if (command === 'start') return (await import('./commands/start')).runStart(argv.slice(1));
  if (command === 'serve') return (await import('./commands/serve')).runServe(argv.slice(1));
  if (command === 'version' || command === '--version') {
    console.log(`wheelhouse ${process.env.npm_package_version ?? ''} (Kubernetes ${KUBERNETES_VERSION.gitVersion})`.replace('  ', ' '));
    return 0;
  }
  console.error(command === undefined || command === 'help' || command === '--help' ? USAGE : `wheelhouse: unknown command "${argv.join(' ')}"\n\n${USAGE}`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.exitCode === undefined) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`wheelhouse: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
