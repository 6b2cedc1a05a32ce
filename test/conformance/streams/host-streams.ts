// A tiny ContainerStreams for the streams suites, until the process runtime serves them: exec runs
// the command on the host (node-pty with a tty), logs come from CRI files the test writes, and
// port-forward reaches a port on 127.0.0.1. Test-only; the runtime's implementation replaces it.
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import * as pty from 'node-pty';
import { StreamError, type ContainerLogFiles, type ContainerStreams, type ExecOptions, type ExecSession, type PodRef } from '../../../src/main/controlplane/kubelet/server/types';

export interface HostLogs {
  current: string[];
  previous?: string[];
  running: boolean;
}

const ptySession = (argv: string[], opts: ExecOptions): ExecSession => {
  const p = pty.spawn(argv[0], argv.slice(1), { cols: opts.cols ?? 80, rows: opts.rows ?? 24, env: process.env as Record<string, string> });
  const stdout = new PassThrough();
  p.onData((d) => stdout.write(d));
  const stdin = new PassThrough();
  stdin.on('data', (d: Buffer) => p.write(d.toString('utf8')));
  const exited = new Promise<{ exitCode: number }>((resolve) =>
    p.onExit(({ exitCode }) => {
      stdout.end();
      resolve({ exitCode });
    }),
  );
  return { stdin, stdout, resize: (c, r) => p.resize(c, r), exited, kill: () => p.kill() };
};

const pipeSession = (argv: string[]): ExecSession => {
  const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ exitCode: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 137 : 0) }));
  });
  // the spawn error can come before the kubelet awaits it
  exited.catch(() => undefined);
  // Piped at once: output of a command that exits before the kubelet reads would otherwise be lost.
  const stdout = child.stdout.pipe(new PassThrough());
  const stderr = child.stderr.pipe(new PassThrough());
  return { stdin: child.stdin, stdout, stderr, resize: () => undefined, exited, kill: () => child.kill('SIGKILL') };
};

export class HostStreams implements ContainerStreams {
  /** by "<pod name>/<container>" */
  readonly logs = new Map<string, HostLogs>();
  /** pod port → host port on 127.0.0.1 */
  readonly ports = new Map<number, number>();
  execs = 0;

  async exec(_pod: PodRef, _container: string, argv: string[], opts: ExecOptions): Promise<ExecSession> {
    this.execs++;
    if (opts.tty) return ptySession(argv, opts);
    const s = pipeSession(argv);
    await new Promise((r) => setImmediate(r));
    return s;
  }

  attach(): Promise<ExecSession> {
    return Promise.reject(new StreamError(400, 'attach is not served by the test streams'));
  }

  portForward(_pod: PodRef, port: number): Promise<Socket> {
    const target = this.ports.get(port);
    if (!target) return Promise.reject(new Error(`dial tcp4 127.0.0.1:${port}: connect: connection refused`));
    return new Promise((resolve, reject) => {
      const s = connect(target, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
  }

  logFiles(pod: PodRef, container: string, previous: boolean): ContainerLogFiles {
    const l = this.logs.get(`${pod.name}/${container}`);
    if (!l) throw new StreamError(400, `container "${container}" in pod "${pod.name}" is not available`);
    if (previous) {
      if (!l.previous) throw new StreamError(400, `previous terminated container "${container}" in pod "${pod.name}" not found`);
      return { files: l.previous, running: false };
    }
    return { files: l.current, running: l.running };
  }
}
