// Shared flag parsing for the CLI commands; errors name the flag and what was wrong.
import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ClusterFlags {
  dataDir: string;
  kubeconfig?: string;
  port: number;
  positionals: string[];
}

export const defaultDataDir = (): string =>
  process.env.WHEELHOUSE_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'wheelhouse', 'cluster');

export function parseClusterFlags(argv: string[]): ClusterFlags {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      kubeconfig: { type: 'string' },
      port: { type: 'string' },
    },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  return {
    dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    kubeconfig: values.kubeconfig ? resolve(values.kubeconfig) : undefined,
    port,
    positionals,
  };
}
