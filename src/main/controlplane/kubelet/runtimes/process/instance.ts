// One run of a container: a host process in its own process group (so signals reach everything it
// forked), its output copied into the CRI log and fanned out to attached clients. Containers with
// `tty` get a pseudo-terminal through node-pty; ones with `stdin` keep their stdin pipe for attach.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import type { LogStream } from '../../logs/cri-format';
import type { LogWriter } from './log-writer';

export interface InstanceSpec {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  tty: boolean;
  stdin: boolean;
  log: LogWriter;
}

export interface ExitInfo {
  exitCode: number;
  signal?: string;
}

type OutputListener = (stream: LogStream, chunk: string) => void;

interface Pty {
  pid: number;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  onData(cb: (d: string) => void): void;
  onExit(cb: (e: { exitCode: number; signal?: number }) => void): void;
}

/** signal number → name, for exit codes 128+n */
const signalName = (n: number): string | undefined => Object.entries(constants.signals).find(([, v]) => v === n)?.[0];

export class ProcessInstance {
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  private readonly listeners = new Set<OutputListener>();
  private child?: ChildProcess;
  private pty?: Pty;
  private done = false;

  private constructor(spec: InstanceSpec, pty: Pty | undefined) {
    let resolveExit!: (e: ExitInfo) => void;
    this.exited = new Promise((r) => (resolveExit = r));
    const emit = (stream: LogStream, chunk: string): void => {
      spec.log.write(stream, chunk);
      for (const l of this.listeners) l(stream, chunk);
    };
    const finish = (e: ExitInfo): void => {
      if (this.done) return;
      this.done = true;
      spec.log.close();
      resolveExit(e);
    };
    if (pty) {
      this.pty = pty;
      this.pid = pty.pid;
      pty.onData((d) => emit('stdout', d));
      pty.onExit((e) => finish(e.signal ? { exitCode: 128 + e.signal, signal: signalName(e.signal) } : { exitCode: e.exitCode }));
      return;
    }
    const child = spawn(spec.file, spec.args, { env: spec.env, cwd: spec.cwd, detached: true, stdio: [spec.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.pid = child.pid ?? -1;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => emit('stdout', d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => emit('stderr', d));
    child.stdin?.on('error', () => undefined);
    let exit: ExitInfo | undefined;
    child.on('error', (err) => {
      emit('stderr', `${err.message}\n`);
      finish({ exitCode: 128 });
    });
    // 'close' comes once the output is drained; a grandchild holding stdout open must not keep the
    // container "running", so 'exit' finishes it shortly after anyway.
    child.on('exit', (code, signal) => {
      exit = signal ? { exitCode: 128 + (constants.signals[signal] ?? 0), signal } : { exitCode: code ?? 0 };
      setTimeout(() => finish(exit!), 200).unref();
    });
    child.on('close', () => exit && finish(exit));
  }

  static async start(spec: InstanceSpec, cols = 80, rows = 24): Promise<ProcessInstance> {
    const cwd = spec.cwd && existsSync(spec.cwd) ? spec.cwd : undefined;
    if (!spec.tty) return new ProcessInstance({ ...spec, cwd }, undefined);
    const { spawn: ptySpawn } = await import('node-pty');
    const pty = ptySpawn(spec.file, spec.args, { name: 'xterm-256color', cols, rows, cwd, env: { TERM: 'xterm', ...spec.env } });
    return new ProcessInstance(spec, pty as unknown as Pty);
  }

  get running(): boolean {
    return !this.done;
  }

  /** signals the whole process group */
  signal(sig: NodeJS.Signals): void {
    if (this.done) return;
    try {
      process.kill(-this.pid, sig);
    } catch {
      try {
        process.kill(this.pid, sig);
      } catch {
        // already gone
      }
    }
  }

  write(data: string | Buffer): void {
    if (this.pty) this.pty.write(data.toString());
    else this.child?.stdin?.write(data);
  }

  closeStdin(): void {
    this.child?.stdin?.end();
  }

  get hasStdin(): boolean {
    return !!this.pty || !!this.child?.stdin;
  }

  resize(cols: number, rows: number): void {
    if (this.pty && !this.done) this.pty.resize(Math.max(1, cols), Math.max(1, rows));
  }

  onOutput(listener: OutputListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
