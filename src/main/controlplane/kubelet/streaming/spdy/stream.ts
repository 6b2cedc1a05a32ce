// One SPDY stream as a node Duplex: what the peer sends comes out of it, what is written to it
// goes out as DATA frames, end() sends FIN. A reset from the peer destroys it.
import { Duplex } from 'node:stream';
import type { Headers } from './headers';

/** what a stream needs from its session */
export interface StreamOwner {
  /** false: wait for drained() before writing more */
  sendData(id: number, data: Buffer, fin: boolean): boolean;
  drained(): Promise<void>;
  /** the consumer wants more; the session may read from the carrier again */
  wantMore(id: number): void;
  reset(id: number): void;
  forget(id: number): void;
}

export class SpdyStream extends Duplex {
  private remoteDone = false;
  private localDone = false;
  private peerReset = false;

  constructor(
    readonly id: number,
    readonly headers: Headers,
    private readonly owner: StreamOwner,
    private readonly maxChunk: number,
  ) {
    super({ allowHalfOpen: true });
  }

  /** the header kubectl uses to say what the stream is for: error, stdin, stdout, stderr, resize, data */
  get streamType(): string {
    return this.headers['streamtype'] ?? '';
  }

  /** DATA from the peer; false: stop reading the carrier until wantMore */
  receive(data: Buffer, fin: boolean): boolean {
    if (this.remoteDone) return true;
    const more = data.length ? this.push(data) : true;
    if (fin) this.remoteFinished();
    return more;
  }

  remoteFinished(): void {
    if (this.remoteDone) return;
    this.remoteDone = true;
    this.push(null);
    this.maybeForget();
  }

  peerResetIt(): void {
    this.peerReset = true;
    this.remoteDone = true;
    this.localDone = true;
    this.destroy();
  }

  override _read(): void {
    this.owner.wantMore(this.id);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    let ok = true;
    for (let at = 0; at < chunk.length; at += this.maxChunk) {
      ok = this.owner.sendData(this.id, chunk.subarray(at, at + this.maxChunk), false) && ok;
    }
    if (ok) cb();
    else this.owner.drained().then(() => cb(), cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.localDone = true;
    this.owner.sendData(this.id, Buffer.alloc(0), true);
    this.maybeForget();
    cb();
  }

  override _destroy(err: Error | null, cb: (err: Error | null) => void): void {
    // destroyed before both sides finished: tell the peer to stop, as a cancel
    if (!this.peerReset && !(this.localDone && this.remoteDone)) this.owner.reset(this.id);
    this.owner.forget(this.id);
    cb(err);
  }

  private maybeForget(): void {
    if (this.localDone && this.remoteDone) this.owner.forget(this.id);
  }
}
