// exec and attach over SPDY (kubectl 1.27–1.29): the client opens one stream per channel (header
// streamType: error, stdin, stdout, stderr, resize). Once every stream the query announced is
// open, the process starts; when it ends, the exit Status goes on the error stream and we say GOAWAY.
//
//   kubectl ──SYN_STREAM error/stdin/stdout/resize──► wait (30 s) ──► start(opts)
//   stdin DATA ─► process stdin · process stdout/stderr ─► DATA · resize JSON ─► session.resize
//   exited ─► stdout/stderr FIN ─► error stream: Status ─► FIN ─► GOAWAY
import type { ExecSession } from '../../server/types';
import type { ExecQuery, StartExec, UpgradeRequest } from '../types';
import { spdyHandshake } from './handshake';
import { SpdySession } from './session';
import { encodeStatus, execProtocolVersion, exitStatus, internalErrorStatus } from './status';
import type { SpdyStream } from './stream';
import { socketTransport } from './transport';

export const EXEC_PROTOCOLS = ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'] as const;

/** kubelet's streamCreationTimeout default */
export const STREAM_CREATION_TIMEOUT_MS = 30_000;

const OUTPUT_FLUSH_LIMIT_MS = 5_000;

export interface SpdyExecOptions {
  streamCreationTimeoutMs?: number;
}

type Channels = Partial<Record<'error' | 'stdin' | 'stdout' | 'stderr' | 'resize', SpdyStream>>;

export function serveSpdyExec(u: UpgradeRequest, query: ExecQuery, start: StartExec, opts: SpdyExecOptions = {}): void {
  const protocol = spdyHandshake(u, EXEC_PROTOCOLS);
  if (protocol === undefined) return;
  const version = execProtocolVersion(protocol);
  const o = query.options;
  const expected = new Set<keyof Channels>(['error']);
  if (o.stdin) expected.add('stdin');
  if (o.stdout) expected.add('stdout');
  if (o.stderr) expected.add('stderr');
  if (o.tty && version >= 3) expected.add('resize');

  const channels: Channels = {};
  let running: ExecSession | undefined;
  let gone = false;
  const session = new SpdySession(socketTransport(u.socket), {
    onStream: (stream) => {
      const type = stream.streamType as keyof Channels;
      if (!expected.has(type) || channels[type]) return void stream.destroy();
      channels[type] = stream;
      stream.on('error', () => {});
      if (Object.keys(channels).length === expected.size) {
        clearTimeout(timer);
        void run(session, channels, query, start, version).then((s) => (running = s));
      }
    },
    onClose: () => {
      gone = true;
      clearTimeout(timer);
      running?.kill();
    },
  });
  const timer = setTimeout(() => {
    // upstream: "timed out waiting for client to create streams"; there is no one to tell but the socket
    if (!gone) session.destroy(new Error('timed out waiting for client to create streams'));
  }, opts.streamCreationTimeoutMs ?? STREAM_CREATION_TIMEOUT_MS);
  timer.unref();
}

/** starts the process, wires the channels, and finishes with the exit Status */
async function run(session: SpdySession, ch: Channels, query: ExecQuery, start: StartExec, version: number): Promise<ExecSession | undefined> {
  let proc: ExecSession;
  try {
    proc = await start(query.options);
  } catch (err) {
    await finish(session, ch, version, internalErrorStatus(err));
    return undefined;
  }
  if (session.isClosed) {
    proc.kill();
    return undefined;
  }
  wire(proc, ch);
  void proc.exited.then(
    async ({ exitCode }) => finish(session, ch, version, exitStatus(query.command, exitCode), [ch.stdout, ch.stderr]),
    async (err: unknown) => finish(session, ch, version, internalErrorStatus(err), [ch.stdout, ch.stderr]),
  );
  return proc;
}

function wire(proc: ExecSession, ch: Channels): void {
  if (ch.stdin && proc.stdin) {
    proc.stdin.on('error', () => {}); // the process may exit before reading everything
    ch.stdin.pipe(proc.stdin);
  } else ch.stdin?.resume();
  for (const [from, to] of [
    [proc.stdout, ch.stdout],
    [proc.stderr, ch.stderr],
  ] as const) {
    if (from && to) from.pipe(to);
    else to?.end();
  }
  if (ch.resize) onResize(ch.resize, (w, h) => proc.resize(w, h));
}

/** the resize stream carries JSON objects back to back: {"Width":80,"Height":24}{"Width":…} */
export function onResize(stream: NodeJS.ReadableStream, apply: (cols: number, rows: number) => void): void {
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    let end: number;
    while ((end = text.indexOf('}')) >= 0) {
      const piece = text.slice(text.indexOf('{'), end + 1);
      text = text.slice(end + 1);
      try {
        const size = JSON.parse(piece) as { Width?: unknown; Height?: unknown };
        if (typeof size.Width === 'number' && typeof size.Height === 'number' && size.Width > 0 && size.Height > 0) {
          apply(size.Width, size.Height);
        }
      } catch {
        // a garbled size is dropped, as upstream logs and goes on
      }
    }
    if (text.length > 4096) text = '';
  });
}

/** waits for the output streams to flush, writes the Status, closes the error stream, GOAWAY */
async function finish(session: SpdySession, ch: Channels, version: number, status: Parameters<typeof encodeStatus>[1], outputs: (SpdyStream | undefined)[] = []): Promise<void> {
  // a grandchild holding the pipe open must not keep the exit code from the client forever
  const flushed = Promise.all(outputs.map((s) => (s ? streamFinished(s) : undefined)));
  await Promise.race([flushed, new Promise((r) => setTimeout(r, OUTPUT_FLUSH_LIMIT_MS).unref())]);
  const bytes = encodeStatus(version, status);
  if (ch.error && !ch.error.destroyed) {
    if (bytes) ch.error.write(bytes);
    ch.error.end();
    await streamFinished(ch.error);
  }
  session.goAway();
}

function streamFinished(s: SpdyStream): Promise<void> {
  if (s.writableFinished || s.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    s.once('finish', resolve);
    s.once('close', resolve);
  });
}
