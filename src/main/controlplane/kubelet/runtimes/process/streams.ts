// exec, attach, port-forward and log files of the local node's containers, for the kubelet server
// (../../server). exec spawns through the pod's sandbox with the container's environment, working
// directory and mounts (a tty through node-pty); attach joins the container's own process; port-forward
// connects to the pod's IP (loopback when pods share the host network).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { PodSandboxes, SandboxMount } from '../../sandbox/types';
import { StreamError, type ContainerLogFiles, type ExecOptions, type ExecSession, type PodRef } from '../../server/types';
import type { ContainerProcess } from '../../stats/types';
import { findExecutable } from './executable';
import { killGroup } from './hooks';
import { instanceLogFiles } from './log-writer';
import type { ContainerRecord, PodRecord } from './record';
import { hostPathFor } from './start';

type Obj = Record<string, any>;

export interface StreamDeps {
  pods: Map<string, PodRecord>;
  sandboxes(): PodSandboxes | undefined;
  envFor(pod: Obj, c: Obj, rec: PodRecord): Promise<Record<string, string>>;
  mounts(rec: PodRecord, c: Obj, env?: Record<string, string>): Promise<SandboxMount[]>;
  logDirFor(rec: PodRecord, name: string): string;
  root: string;
}

function running(deps: StreamDeps, ref: PodRef, container: string): { rec: PodRecord; r: ContainerRecord; c: Obj } {
  const rec = deps.pods.get(ref.uid);
  const c = [...(rec?.pod.spec?.initContainers ?? []), ...(rec?.pod.spec?.containers ?? [])].find((x: Obj) => x.name === container);
  if (!rec || !c) throw new StreamError(404, `container not found ("${container}")`);
  const r = rec.containers.get(container);
  if (!r?.instance?.running) throw new StreamError(400, `container ${container} is not running`);
  return { rec, r, c };
}

export async function execIn(deps: StreamDeps, ref: PodRef, container: string, argv: string[], opts: ExecOptions): Promise<ExecSession> {
  const { rec, c } = running(deps, ref, container);
  if (!argv.length) throw new StreamError(400, 'you must specify at least one command for the container');
  const env = await deps.envFor(rec.pod, c, rec);
  const mounts = await deps.mounts(rec, c, env);
  if (!findExecutable(hostPathFor(argv[0], mounts), env.PATH)) throw new StreamError(500, `exec: "${argv[0]}": executable file not found in $PATH`);
  const cmd = deps.sandboxes()!.command(rec.uid, { argv, mounts, workingDir: c.workingDir });
  const fullEnv = { ...env, ...cmd.env };
  if (opts.tty) return ptySession(cmd.file, cmd.args, fullEnv, cmd.cwd, opts);
  const child = spawn(cmd.file, cmd.args, { env: fullEnv, cwd: cmd.cwd, detached: true, stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  child.stdin?.on('error', () => undefined);
  const exited = new Promise<{ exitCode: number; signal?: string }>((resolve) => {
    child.on('error', () => resolve({ exitCode: 126 }));
    child.on('close', (code, signal) => resolve(signal ? { exitCode: 137, signal } : { exitCode: code ?? 0 }));
  });
  return { stdin: child.stdin ?? undefined, stdout: child.stdout ?? undefined, stderr: child.stderr ?? undefined, resize: () => undefined, exited, kill: () => killGroup(child.pid, 'SIGKILL') };
}

async function ptySession(file: string, args: string[], env: Record<string, string>, cwd: string | undefined, opts: ExecOptions): Promise<ExecSession> {
  const { spawn: ptySpawn } = await import('node-pty');
  const pty = ptySpawn(file, args, { name: 'xterm-256color', cols: opts.cols ?? 80, rows: opts.rows ?? 24, cwd: cwd && existsSync(cwd) ? cwd : undefined, env: { TERM: 'xterm', ...env } });
  const stdout = new PassThrough();
  pty.onData((d) => stdout.write(d));
  const exited = new Promise<{ exitCode: number; signal?: string }>((resolve) =>
    pty.onExit((e) => {
      stdout.end();
      resolve(e.signal ? { exitCode: 128 + e.signal } : { exitCode: e.exitCode });
    }),
  );
  const stdin = new Writable({ write: (chunk, _enc, cb) => (pty.write(chunk.toString()), cb()) });
  return { stdin, stdout, resize: (cols, rows) => pty.resize(Math.max(1, cols), Math.max(1, rows)), exited, kill: () => killGroup(pty.pid, 'SIGKILL') };
}

export async function attachTo(deps: StreamDeps, ref: PodRef, container: string, opts: ExecOptions): Promise<ExecSession> {
  const { r, c } = running(deps, ref, container);
  const inst = r.instance!;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const off = inst.onOutput((stream, chunk) => (stream === 'stderr' && !c.tty ? stderr : stdout).write(chunk));
  let detach!: () => void;
  const detached = new Promise<{ exitCode: number }>((resolve) => (detach = () => resolve({ exitCode: 0 })));
  const exited = Promise.race([inst.exited, detached]).then((e) => {
    off();
    stdout.end();
    stderr.end();
    if (c.stdinOnce) inst.closeStdin();
    return e;
  });
  const stdin = opts.stdin && inst.hasStdin ? new Writable({ write: (chunk, _enc, cb) => (inst.write(chunk), cb()), final: (cb) => (c.stdinOnce && inst.closeStdin(), cb()) }) : undefined;
  return { stdin, stdout, stderr: c.tty ? undefined : stderr, resize: (cols, rows) => inst.resize(cols, rows), exited, kill: detach };
}

export function portForwardTo(deps: StreamDeps, ref: PodRef, port: number): Promise<Socket> {
  const rec = deps.pods.get(ref.uid);
  if (!rec?.sandbox) return Promise.reject(new StreamError(404, `pod ${ref.namespace}/${ref.name} has no sandbox on this node`));
  const host = deps.sandboxes()?.kind === 'netns' && !rec.hostNetwork ? rec.sandbox.ip : '127.0.0.1';
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', (err) => reject(new StreamError(500, `error forwarding port ${port} to pod ${ref.namespace}/${ref.name}: failed to connect to ${host}:${port}: ${err.message}`)));
  });
}

/** which instance `kubectl logs` (and --previous) reads, as kubelet's validateContainerLogStatus */
export function logFilesOf(deps: StreamDeps, ref: PodRef, container: string, previous: boolean): ContainerLogFiles {
  const rec = deps.pods.get(ref.uid);
  const dir = rec ? deps.logDirFor(rec, container) : join(deps.root, 'pods', ref.uid, 'logs', container);
  const r = rec?.containers.get(container);
  const onDisk = (): number[] => (existsSync(dir) ? readdirSync(dir).map((f) => /^(\d+)\.log$/.exec(f)?.[1]).filter((x): x is string => !!x).map(Number).sort((a, b) => a - b) : []);
  let instance: number | undefined;
  const isRunning = !!r?.instance?.running;
  if (r) {
    const crashLooping = !!(r.exited && r.waiting);
    if (previous) instance = crashLooping ? r.restartCount : r.previous ? r.restartCount - 1 : undefined;
    else if (isRunning || r.exited) instance = r.restartCount;
    else if (r.previous) instance = r.restartCount - 1;
  } else {
    const found = onDisk();
    instance = previous ? found[found.length - 2] : found[found.length - 1];
  }
  if (instance === undefined) {
    if (previous) throw new StreamError(400, `previous terminated container "${container}" in pod "${ref.name}" not found`);
    throw new StreamError(400, `container "${container}" in pod "${ref.name}" is waiting to start: ${r?.waiting?.reason ?? 'ContainerCreating'}`);
  }
  return { files: instanceLogFiles(dir, instance), running: isRunning && !previous && instance === r?.restartCount };
}

export function containerProcesses(pods: Iterable<PodRecord>): ContainerProcess[] {
  const out: ContainerProcess[] = [];
  for (const rec of pods) {
    for (const r of rec.containers.values()) {
      if (r.instance?.running) out.push({ podUid: rec.uid, namespace: rec.namespace, pod: rec.name, container: r.name, pid: r.instance.pid });
    }
  }
  return out;
}
