// The browser benches' app: builds the renderer, runs `wheelhouse serve` from source on a fresh
// folder (an empty KUBECONFIG, so only the built-in cluster shows) and waits for its printed URL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cluster';

export interface ServedApp {
  child: ChildProcess;
  url: string;
  /** the built-in cluster's admin kubeconfig file */
  kubeconfigPath: string;
  /** everything serve printed so far */
  output(): string;
  /** SIGTERM, wait for the exit, remove the folder */
  stop(): Promise<void>;
}

export async function startServe(prefix: string, env: NodeJS.ProcessEnv = {}): Promise<ServedApp> {
  const build = spawnSync(process.execPath, ['scripts/build-renderer.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`renderer build failed:\n${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'empty-kubeconfig'), '');
  let out = '';
  const child = spawn(process.execPath, ['bin/wheelhouse.js', 'serve', '--port', '0', '--data-dir', join(dir, 'data')], {
    cwd: ROOT,
    env: { ...process.env, WHEELHOUSE_FROM_SOURCE: '1', KUBECONFIG: join(dir, 'empty-kubeconfig'), WHEELHOUSE_CONFIG_DIR: join(dir, 'config'), HOME: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const stop = async (): Promise<void> => {
    await new Promise((r) => {
      if (child.exitCode !== null) return r(null);
      child.once('exit', r);
      child.kill('SIGTERM');
    });
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const url = /open (http:\/\/\S+)/.exec(out)?.[1];
    const kubeconfigPath = /\(kubeconfig: (.+)\)/.exec(out)?.[1];
    if (url && kubeconfigPath) return { child, url, kubeconfigPath, output: () => out, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`wheelhouse serve did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
