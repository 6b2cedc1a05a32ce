// Exec and attach over the WebSocket channel protocols v5/v4 (kubectl 1.30+, client-node): stdin
// arrives on channel 0, stdout and stderr leave on 1 and 2, a resize on 4 is {"Width","Height"},
// and the end is one metav1.Status on channel 3 before a normal close. v5 adds [255, 0]: the
// client's stdin reached EOF, so the process's stdin is closed while the output keeps flowing.
import type { WebSocket } from 'ws';
import type { ExecSession } from '../../server/types';
import type { ExecQuery, StartExec } from '../types';
import { CLOSE, ERROR, RESIZE, STDERR, STDIN, STDOUT, V5, decodeFrame, pump, sendFrame } from './channels';
import { parseTerminalSize } from '../terminal-size';

// After the process exits, its output pipes normally end at once; a pty whose children linger must not hold the stream open.
const DRAIN_MS = 2000;

/** the exit status as kubelet writes it (remotecommand's errorDecoderV4 reads it back) */
export const exitStatus = (argv: string[], exitCode: number): Record<string, unknown> =>
  exitCode === 0
    ? { metadata: {}, status: 'Success' }
    : {
        metadata: {},
        status: 'Failure',
        message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${exitCode}`,
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
      };

export const failureStatus = (message: string, code = 500): Record<string, unknown> => ({
  metadata: {},
  status: 'Failure',
  message,
  reason: code === 400 ? 'BadRequest' : code === 404 ? 'NotFound' : 'InternalError',
  code,
});

const finish = (ws: WebSocket, protocol: string, status: Record<string, unknown>): void => {
  sendFrame(ws, protocol, ERROR, Buffer.from(JSON.stringify(status)), () => ws.close(1000));
};

const onResize = (session: ExecSession, data: Buffer): void => {
  // a malformed resize is ignored, as upstream's decoder loop does
  const size = parseTerminalSize(data.toString('utf8'));
  if (size) session.resize(size.cols, size.rows);
};

const routeInput = (ws: WebSocket, protocol: string, session: ExecSession): void => {
  ws.on('message', (msg: Buffer, isBinary: boolean) => {
    const frame = decodeFrame(protocol, msg, isBinary);
    if (!frame) return;
    if (protocol === V5 && frame.channel === CLOSE) {
      if (frame.data[0] === STDIN) session.stdin?.end();
      return;
    }
    if (frame.channel === STDIN && frame.data.length > 0) session.stdin?.write(frame.data);
    else if (frame.channel === RESIZE) onResize(session, frame.data);
  });
};

const drained = (pipes: Promise<void>[]): Promise<unknown> =>
  Promise.race([Promise.all(pipes), new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);

export const serveWebSocketExec = (ws: WebSocket, protocol: string, query: ExecQuery, start: StartExec): void => {
  const { options } = query;
  // Input can arrive before the process is up; hold it until then.
  const early: Array<[Buffer, boolean]> = [];
  const hold = (msg: Buffer, isBinary: boolean): number => early.push([msg, isBinary]);
  ws.on('message', hold);
  let session: ExecSession | undefined;
  ws.on('close', () => session?.kill());
  ws.on('error', () => session?.kill());
  const fail = (err: Error & { code?: number }): void => finish(ws, protocol, failureStatus(err.message, err.code));
  start(options)
    .then(async (s) => {
      session = s;
      if (ws.readyState !== ws.OPEN) return s.kill();
      const pipes = connect(ws, protocol, s, options, hold, early);
      // a process that fails after it was started (spawn error) still ends in a Status, never a crash
      const { exitCode } = await s.exited;
      await drained(pipes);
      finish(ws, protocol, exitStatus(query.command, exitCode));
    })
    .catch(fail);
};

/** wires the session to the socket; returns the output pipes */
const connect = (ws: WebSocket, protocol: string, s: ExecSession, options: ExecQuery['options'], hold: (m: Buffer, b: boolean) => number, early: Array<[Buffer, boolean]>): Promise<void>[] => {
  s.stdin?.on('error', () => undefined);
  // a client that asked for no stdin gives the process an immediate EOF, as upstream does
  if (!options.stdin) s.stdin?.end();
  ws.off('message', hold);
  routeInput(ws, protocol, s);
  for (const [msg, isBinary] of early) ws.emit('message', msg, isBinary);
  const pipes: Promise<void>[] = [];
  if (s.stdout && options.stdout) pipes.push(pump(ws, protocol, STDOUT, s.stdout));
  else s.stdout?.resume();
  if (s.stderr && options.stderr) pipes.push(pump(ws, protocol, STDERR, s.stderr));
  else s.stderr?.resume();
  return pipes;
};
