// Turns the bytes of a pods/log response into lines with their timestamps. The engine always asks
// the server for timestamps (RFC3339Nano, then one space) so it can merge pods and resume after a
// drop; whether the user sees them is the view's choice.
import { StringDecoder } from 'node:string_decoder';

const TS = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,9})?(Z|[+-]\d\d:\d\d) /;

export interface ParsedLine {
  text: string;
  ts?: string;
}

/** "2024-05-01T10:00:00.5Z hello" → {ts, text: "hello"}; a line without one keeps its text whole */
export function splitTimestamp(line: string): ParsedLine {
  const m = TS.exec(line);
  if (!m) return { text: line };
  return { ts: line.slice(0, m[0].length - 1), text: line.slice(m[0].length) };
}

/**
 * A key that sorts like the instant: UTC seconds then nanoseconds padded to nine digits. RFC3339Nano
 * drops trailing zeros, so the raw strings do not compare; epoch nanoseconds overflow a double.
 */
export function timestampKey(ts: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
  if (!m) return '';
  const frac = (m[2] ?? '').padEnd(9, '0');
  const whole = m[3] === 'Z' ? m[1] : new Date(`${m[1]}${m[3]}`).toISOString().slice(0, 19);
  return `${whole}.${frac}`;
}

/** sinceTime for a resumed request: the server takes RFC3339 seconds, so round down and de-duplicate */
export function resumeSinceTime(ts: string): string {
  const key = timestampKey(ts);
  return key ? `${key.slice(0, 19)}Z` : ts;
}

/** Splits a byte stream into lines; a line cut across chunks (or a UTF-8 character) is joined. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  push(chunk: Buffer | string): string[] {
    this.rest += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const parts = this.rest.split('\n');
    this.rest = parts.pop() ?? '';
    return parts.map(stripCr);
  }

  /** the last line when the stream ended without a newline (limitBytes, a killed container) */
  end(): string[] {
    const last = this.rest + this.decoder.end();
    this.rest = '';
    return last ? [stripCr(last)] : [];
  }
}

const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * Where a stream got to, so a reconnect (sinceTime = last second seen) can drop the lines it has
 * already delivered: everything older than the last timestamp, and at that very timestamp each
 * text as many times as it was seen.
 */
export class ResumePoint {
  private lastKey = '';
  private lastTs?: string;
  private atLast = new Map<string, number>();
  private replay?: Map<string, number>;

  get timestamp(): string | undefined {
    return this.lastTs;
  }

  /** records a delivered line */
  seen(line: ParsedLine): void {
    if (!line.ts) return;
    const key = timestampKey(line.ts);
    if (key > this.lastKey) {
      this.lastKey = key;
      this.lastTs = line.ts;
      this.atLast = new Map();
    }
    if (key === this.lastKey) this.atLast.set(line.text, (this.atLast.get(line.text) ?? 0) + 1);
  }

  /** call before reading a resumed stream */
  startReplay(): void {
    this.replay = new Map(this.atLast);
  }

  /** false for a line of a resumed stream that was delivered before the drop */
  isNew(line: ParsedLine): boolean {
    if (!this.replay || !line.ts) return true;
    const key = timestampKey(line.ts);
    if (key > this.lastKey) {
      this.replay = undefined;
      return true;
    }
    if (key < this.lastKey) return false;
    const left = this.replay.get(line.text) ?? 0;
    if (left <= 0) return true;
    this.replay.set(line.text, left - 1);
    return false;
  }
}
