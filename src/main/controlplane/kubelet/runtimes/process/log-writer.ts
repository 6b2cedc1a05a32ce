// One container instance's log in CRI format (../../logs/cri-format.ts): <dir>/<restartCount>.log.
// Each chunk of output is split on newlines into F records; a tail without a newline (a prompt, a
// progress bar) is written at once as a P record that the next record continues, so nothing waits for
// a newline that may never come. Like kubelet's containerLogMaxSize/MaxFiles the file is rotated at
// 10 MiB to <n>.log.<seq>, and only the newest files are kept (5 with the live one).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { formatLogRecord, type LogStream } from '../../logs/cri-format';

export const LOG_MAX_BYTES = 10 * 1024 * 1024;
export const LOG_MAX_FILES = 5;
/** longer lines are cut into partial records, as containerd's 16 KiB line buffer does */
const MAX_LINE = 16 * 1024;

export interface LogWriterOptions {
  dir: string;
  restartCount: number;
  now(): Date;
  maxBytes?: number;
  maxFiles?: number;
}

export class LogWriter {
  private fd: number;
  private size = 0;
  private seq = 0;
  private closed = false;
  readonly path: string;

  constructor(private readonly o: LogWriterOptions) {
    mkdirSync(o.dir, { recursive: true });
    this.path = join(o.dir, `${o.restartCount}.log`);
    this.fd = openSync(this.path, 'a');
  }

  write(stream: LogStream, chunk: Buffer | string): void {
    if (this.closed) return;
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const time = this.o.now().toISOString();
    const lines = text.split('\n');
    const tail = lines.pop() ?? '';
    let out = '';
    for (const line of lines) out += records(time, stream, line.endsWith('\r') ? line.slice(0, -1) : line, false);
    if (tail) out += records(time, stream, tail, true);
    this.append(out);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private append(out: string): void {
    if (!out) return;
    const buf = Buffer.from(out);
    writeSync(this.fd, buf);
    this.size += buf.length;
    if (this.size >= (this.o.maxBytes ?? LOG_MAX_BYTES)) this.rotate();
  }

  private rotate(): void {
    closeSync(this.fd);
    renameSync(this.path, `${this.path}.${++this.seq}`);
    this.fd = openSync(this.path, 'a');
    this.size = 0;
    const rotated = rotatedFiles(this.o.dir, this.o.restartCount);
    const keep = (this.o.maxFiles ?? LOG_MAX_FILES) - 1;
    for (const old of rotated.slice(0, Math.max(0, rotated.length - keep))) rmSync(old, { force: true });
  }
}

function records(time: string, stream: LogStream, line: string, partialTail: boolean): string {
  let out = '';
  for (let i = 0; i + MAX_LINE < line.length; i += MAX_LINE) out += formatLogRecord(time, stream, line.slice(i, i + MAX_LINE), true);
  const rest = line.slice(Math.floor(Math.max(0, line.length - 1) / MAX_LINE) * MAX_LINE);
  return out + formatLogRecord(time, stream, rest, partialTail);
}

/** <n>.log.<seq> files of one instance, oldest first */
function rotatedFiles(dir: string, restartCount: number): string[] {
  const prefix = `${restartCount}.log.`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && /^\d+$/.test(f.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
    .map((f) => join(dir, f));
}

/** the files of one instance, oldest first (rotated ones, then the live one) */
export function instanceLogFiles(dir: string, restartCount: number): string[] {
  const live = join(dir, `${restartCount}.log`);
  return [...rotatedFiles(dir, restartCount), ...(existsSync(live) ? [live] : [])];
}
