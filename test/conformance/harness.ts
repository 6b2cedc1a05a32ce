// Starts a real `wheelhouse cluster start` process on a temporary data folder and runs real clients
// against it. Used by every conformance suite.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { acquireMachineLock, releaseMachineLock, usesProcessRuntime } from '../machine-lock';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const KUBECTL_DIR = '/usr/lib/google-cloud-sdk/bin';

export interface Kubectl {
  version: string;
  path: string;
}

/** Every real kubectl 1.27–1.33 on this machine, oldest first. */
export function installedKubectls(): Kubectl[] {
  if (!existsSync(KUBECTL_DIR)) return [];
  return readdirSync(KUBECTL_DIR)
    .map((name) => /^kubectl\.1\.(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[1]) >= 27 && Number(m[1]) <= 33)
    .map((m) => ({ version: `1.${m[1]}`, path: join(KUBECTL_DIR, m[0]) }))
    .sort((a, b) => Number(a.version.split('.')[1]) - Number(b.version.split('.')[1]));
}

export interface ClusterProcess {
  dataDir: string;
  kubeconfig: string;
  server: string;
  readyLine: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGTERM, then start again on the same data folder */
  restart(): Promise<ClusterProcess>;
}

export async function startCluster(dataDir = mkdtempSync(join(tmpdir(), 'wh-conf-')), extra: string[] = []): Promise<ClusterProcess> {
  const kubeconfig = join(dataDir, 'kubeconfig.yaml');
  const locked = usesProcessRuntime(extra);
  if (locked) await acquireMachineLock();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'wheelhouse.js'), 'cluster', 'start', '--data-dir', dataDir, '--kubeconfig', kubeconfig, ...extra], {
    env: { ...process.env, WHEELHOUSE_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const readyLine = await waitForReady(child).catch((err) => {
    if (locked) releaseMachineLock();
    throw err;
  });
  const server = /https:\/\/[^\s)]+/.exec(readyLine)?.[0] ?? '';
  const cluster: ClusterProcess = {
    dataDir,
    kubeconfig,
    server,
    readyLine,
    stop: async (signal = 'SIGTERM') => {
      const code = await stopChild(child, signal);
      if (locked) releaseMachineLock();
      return code;
    },
    restart: async () => {
      // keep the machine lock over the restart: take it again before giving it up
      if (locked) await acquireMachineLock();
      await cluster.stop('SIGTERM');
      return startCluster(dataDir, extra).finally(() => locked && releaseMachineLock());
    },
  };
  return cluster;
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`cluster did not print ready within 30 s\nstdout: ${out}\nstderr: ${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('ready'));
      if (line) {
        clearTimeout(timer);
        resolvePromise(line);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cluster exited with ${code} before ready\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolvePromise) => {
    child.once('exit', (code) => resolvePromise(code));
    child.kill(signal);
  });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(bin: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  const r = spawnSync(bin, args, { input: options.input, env: { ...process.env, ...options.env }, cwd: options.cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });
