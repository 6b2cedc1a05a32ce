// Where the engine keeps things, per the platform's conventions (XDG on Linux).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const configDir = (): string =>
  process.env.WHEELHOUSE_CONFIG_DIR ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'wheelhouse');

export const rendererDir = (root: string): string => join(root, 'dist', 'renderer');
