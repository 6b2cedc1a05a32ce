// A shell in a pod's container through the API server's pods/exec (client-node's Exec, with a tty).
// The shell is found the way Lens and k9s do it: run ["bash"]; if the image has none (the runtime
// answers "executable file not found", or exit code 126/127 right away), run ["sh"] instead. The
// command is an argv array handed to exec, never a line for a shell to parse.
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import { PassThrough, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { WebSocket } from 'ws';
import { SessionEvents, exitMessage, type SessionEnd, type TerminalSession } from './session';

export interface PodShellTarget {
  namespace: string;
  pod: string;
  container?: string;
}

export const SHELLS: string[][] = [['bash'], ['sh']];
/** how long a just-started shell may take to say it does not exist before we call it started
 *  (a shell that printed its prompt is started at once) */
const NOT_FOUND_WINDOW_MS = 500;

/** the shell's output; it has no columns/rows, so client-node does not send sizes of its own */
class TtyOutput extends Writable {
  constructor(private readonly sink: (bytes: Uint8Array) => void) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.sink(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    done();
  }
}

/** channel 4 of the exec WebSocket carries the tty size as kubectl sends it: Go's TerminalSize
 *  marshalled, {"Width":…,"Height":…} (client-node's own sender writes lower-case keys, which Go
 *  kubelets accept only because Go's JSON decoding ignores case) */
const RESIZE_CHANNEL = 4;
function sendSize(ws: WebSocket, cols: number, rows: number): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(Buffer.concat([Buffer.from([RESIZE_CHANNEL]), Buffer.from(JSON.stringify({ Width: cols, Height: rows }))]));
}

interface Attempt {
  command: string[];
  stdin: PassThrough;
  resize(cols: number, rows: number): void;
  close(): void;
  ended: Promise<SessionEnd>;
  firstOutput: Promise<void>;
}

export async function startPodShell(kc: KubeConfig, target: PodShellTarget, cols: number, rows: number, shells = SHELLS): Promise<TerminalSession> {
  let lastNotFound: SessionEnd | undefined;
  for (const command of shells) {
    const events = new SessionEvents();
    const attempt = await execAttempt(kc, target, command, cols, rows, events);
    const early = await Promise.race([attempt.ended, attempt.firstOutput.then(() => undefined), delay(NOT_FOUND_WINDOW_MS, undefined, { ref: false })]);
    if (early && isNotFound(early)) {
      lastNotFound = early;
      continue;
    }
    void attempt.ended.then((end) => events.end(end));
    return sessionOf(attempt, events);
  }
  throw new Error(`no shell in ${describe(target)}: tried ${shells.map((s) => s[0]).join(', ')} (${lastNotFound?.message ?? 'not found'})`);
}

function sessionOf(attempt: Attempt, events: SessionEvents): TerminalSession {
  return {
    command: attempt.command,
    write: (bytes) => attempt.stdin.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    resize: (cols, rows) => attempt.resize(cols, rows),
    onData: (l) => events.onData(l),
    onEnd: (l) => events.onEnd(l),
    close: () => attempt.close(),
  };
}

async function execAttempt(kc: KubeConfig, t: PodShellTarget, command: string[], cols: number, rows: number, events: SessionEvents): Promise<Attempt> {
  const stdin = new PassThrough();
  let sawOutput!: () => void;
  const firstOutput = new Promise<void>((r) => (sawOutput = r));
  const out = new TtyOutput((b) => {
    sawOutput();
    events.data(b);
  });
  let status: V1Status | undefined;
  let ws: WebSocket;
  try {
    ws = await new Exec(kc).exec(t.namespace, t.pod, t.container ?? '', command, out, null, stdin, true, (s) => (status = s));
  } catch (err) {
    throw new Error(`could not open a shell in ${describe(t)}: ${errorText(err)}`);
  }
  sendSize(ws, cols, rows);
  const ended = new Promise<SessionEnd>((resolve) => {
    ws.on('close', (code: number, reason: Buffer) => resolve(endOf(status, code, reason.toString())));
    ws.on('error', (err: Error) => resolve({ message: `the connection to ${describe(t)} was lost: ${err.message}`, dropped: true }));
  });
  return { command, stdin, resize: (c, r) => sendSize(ws, c, r), close: () => ws.close(), ended, firstOutput };
}

export function endOf(status: V1Status | undefined, code: number, reason: string): SessionEnd {
  if (status?.status === 'Success') return { exitCode: 0, message: exitMessage(0), dropped: false };
  const exit = status?.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
  if (exit !== undefined && /^\d+$/.test(exit)) return { exitCode: Number(exit), message: exitMessage(Number(exit)), dropped: false };
  if (status?.message) return { message: status.message, dropped: true };
  if (code === 1000) return { message: 'ended', dropped: false };
  return { message: `the connection to the pod was lost (WebSocket code ${code}${reason ? `: ${reason}` : ''})`, dropped: true };
}

export function isNotFound(end: SessionEnd): boolean {
  if (end.exitCode === 126 || end.exitCode === 127) return true;
  return /executable file not found|no such file or directory|not found in \$PATH/i.test(end.message);
}

function describe(t: PodShellTarget): string {
  return `pod ${t.namespace}/${t.pod}${t.container ? ` (container ${t.container})` : ''}`;
}

function errorText(err: unknown): string {
  const e = err as { message?: string; body?: unknown };
  return e?.message ?? String(err);
}
