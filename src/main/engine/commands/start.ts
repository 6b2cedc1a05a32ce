// `wheelhouse start` (npm start): the desktop app where an Electron binary is installed; otherwise
// the same UI in web mode, at a printed localhost URL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runServe, packageRoot } from './serve';

/** the Electron binary's path, if the electron package has one (its download is not part of npm ci) */
export function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function runStart(argv: string[]): Promise<number> {
  const electron = process.env.WHEELHOUSE_WEB ? undefined : electronBinary();
  if (!electron) {
    console.error('wheelhouse: no Electron binary is installed here; serving the app in web mode instead');
    return runServe(argv);
  }
  const child = spawn(electron, [packageRoot(), ...argv], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 0)));
}
