// A pseudo-terminal on this machine (node-pty): the local terminal and the built-in cluster's node
// shell. The program and its arguments go to the OS as argv; nothing is joined into a shell line.
import { existsSync } from 'node:fs';
import { spawn } from 'node-pty';
import { SessionEvents, exitMessage, type TerminalSession } from './session';

export interface PtyOptions {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

export function startPty(options: PtyOptions): TerminalSession {
  const events = new SessionEvents();
  // encoding null: raw bytes both ways, so a UTF-8 character split across reads is never mangled
  const pty = spawn(options.file, options.args, { name: 'xterm-256color', cols: options.cols, rows: options.rows, cwd: options.cwd, env: options.env, encoding: null });
  pty.onData((data) => events.data(toBytes(data)));
  pty.onExit(({ exitCode, signal }) => events.end({ exitCode, message: exitMessage(exitCode, signal), dropped: false }));
  return {
    command: [options.file, ...options.args],
    write: (bytes) => pty.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    resize: (cols, rows) => {
      if (!events.hasEnded) pty.resize(cols, rows);
    },
    onData: (l) => events.onData(l),
    onEnd: (l) => events.onEnd(l),
    close: () => {
      if (!events.hasEnded) pty.kill();
    },
  };
}

function toBytes(data: string | Buffer): Uint8Array {
  // typed as string, but with encoding null node-pty hands over Buffers
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** the user's login shell: $SHELL, else bash, else sh */
export function userShell(env: NodeJS.ProcessEnv): string {
  if (env.SHELL && env.SHELL.startsWith('/') && existsSync(env.SHELL)) return env.SHELL;
  return existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';
}

/** the environment a local terminal gets: the engine's, minus what only the engine should see */
export function terminalEnv(env: NodeJS.ProcessEnv, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !k.startsWith('ELECTRON_') && k !== 'NODE_OPTIONS') out[k] = v;
  return { ...out, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...extra };
}
