// Turns CRI log records (../logs/cri-format.ts) back into what `kubectl logs` shows: the content,
// P records joined to the next one into one line, with --timestamps each line led by its first
// record's time. Works on Buffers and slices of them so following a busy log stays cheap.
import type { LogOptions } from './log-options';

const NL = 10;
const SP = 32;
const P = 0x50;

export class LogRecordWriter {
  /** output limit reached (limitBytes) */
  done = false;
  // Output is copied into one buffer per feed: a record's output is never longer than the record.
  private out = Buffer.alloc(0);
  private len = 0;
  private emitted = 0;
  private atLineStart = true;
  private sincePassed: boolean;

  constructor(private readonly o: Pick<LogOptions, 'timestamps' | 'limitBytes' | 'sinceMs'>) {
    this.sincePassed = o.sinceMs === undefined;
  }

  /** parses every complete record of carry+chunk; returns the incomplete rest (copied) */
  feed(carry: Buffer, chunk: Buffer): Buffer {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (this.out.length - this.len < buf.length) this.out = Buffer.concat([this.out.subarray(0, this.len), Buffer.allocUnsafe(buf.length)]);
    let start = 0;
    for (let nl = buf.indexOf(NL); nl >= 0 && !this.done; nl = buf.indexOf(NL, start)) {
      this.record(buf, start, nl);
      start = nl + 1;
    }
    return this.done ? Buffer.alloc(0) : Buffer.from(buf.subarray(start));
  }

  /** the output gathered since the last take */
  take(): Buffer {
    const b = this.out.subarray(0, this.len);
    [this.out, this.len] = [Buffer.alloc(0), 0];
    return b;
  }

  private record(buf: Buffer, start: number, nl: number): void {
    const a = buf.indexOf(SP, start);
    const b = a < 0 || a > nl ? -1 : buf.indexOf(SP, a + 1);
    const c = b < 0 || b > nl ? -1 : buf.indexOf(SP, b + 1);
    if (c < 0 || c > nl) return; // not a CRI record
    if (!this.sincePassed) {
      // records are in time order, so only the first ones need parsing
      if (Date.parse(buf.toString('latin1', start, a)) < this.o.sinceMs!) return;
      this.sincePassed = true;
    }
    const partial = buf[b + 1] === P;
    if (this.atLineStart && this.o.timestamps) this.copy(buf, start, a + 1);
    // a full record's newline ends the line; a partial one's is dropped so the next record continues it
    this.copy(buf, c + 1, partial ? nl : nl + 1);
    this.atLineStart = !partial;
  }

  private copy(buf: Buffer, from: number, to: number): void {
    const limit = this.o.limitBytes;
    if (limit !== undefined && this.emitted + (to - from) >= limit) {
      to = from + (limit - this.emitted);
      this.done = true;
    }
    buf.copy(this.out, this.len, from, to);
    this.len += to - from;
    this.emitted += to - from;
  }
}
