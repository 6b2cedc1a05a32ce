// The server side of one SPDY/3.1 connection as kubectl's client (moby/spdystream) uses it: the
// client opens every stream, the server answers each SYN_STREAM with a SYN_REPLY, echoes PINGs,
// and says GOAWAY when it is done.
//
// Flow control: spdystream neither sends WINDOW_UPDATE nor obeys it, and neither does the kubelet,
// so a sender that waited for window updates would stall after 64 KiB. We accept WINDOW_UPDATE
// and SETTINGS and send without windows; backpressure comes from the carrier instead (we stop
// reading it while a stream's consumer is full, as spdystream's unbuffered channels do).
import {
  FLAG_FIN,
  FrameReader,
  FrameType,
  GoawayStatus,
  MAX_DATA_CHUNK,
  RstStatus,
  SpdyProtocolError,
  controlStreamId,
  dataFrame,
  goawayFrame,
  pingFrame,
  rstStreamFrame,
  synReplyFrame,
  type Frame,
} from './frames';
import { HeaderDeflater, HeaderInflater } from './headers';
import { SpdyStream, type StreamOwner } from './stream';
import type { FrameTransport } from './transport';

export interface SessionEvents {
  /** a stream the client opened (already answered with SYN_REPLY) */
  onStream(stream: SpdyStream): void;
  /** the connection is gone; every stream is destroyed */
  onClose(reason?: Error): void;
}

export class SpdySession implements StreamOwner {
  private readonly reader = new FrameReader();
  private readonly inflater = new HeaderInflater();
  private readonly deflater = new HeaderDeflater();
  private readonly streams = new Map<number, SpdyStream>();
  private readonly starved = new Set<number>();
  private lastClientStreamId = 0;
  private queue: Promise<void> = Promise.resolve();
  private drainWaiters: (() => void)[] = [];
  private closed = false;
  private goingAway = false;

  constructor(
    private readonly transport: FrameTransport,
    private readonly events: SessionEvents,
  ) {
    transport.onData((chunk) => this.onBytes(chunk));
    transport.onDrain(() => this.flushDrainWaiters());
    transport.onClose(() => this.teardown());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  // ── StreamOwner ──
  sendData(id: number, data: Buffer, fin: boolean): boolean {
    if (this.closed) return true;
    return this.transport.write(dataFrame(id, fin ? FLAG_FIN : 0, data));
  }

  drained(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  wantMore(id: number): void {
    if (this.starved.delete(id) && this.starved.size === 0) this.transport.resume();
  }

  reset(id: number): void {
    if (!this.closed) this.transport.write(rstStreamFrame(id, RstStatus.CANCEL));
  }

  forget(id: number): void {
    this.streams.delete(id);
    this.wantMore(id);
  }

  /** GOAWAY, then close once the client hangs up (or after lingerMs, for clients that never do) */
  goAway(lingerMs = 10_000): void {
    if (this.closed || this.goingAway) return;
    this.goingAway = true;
    this.transport.write(goawayFrame(this.lastClientStreamId, GoawayStatus.OK));
    const timer = setTimeout(() => this.transport.end(), lingerMs);
    timer.unref();
    this.transport.onClose(() => clearTimeout(timer));
  }

  destroy(reason?: Error): void {
    this.transport.destroy();
    this.teardown(reason);
  }

  // ── reading ──
  private onBytes(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Frame[];
    try {
      frames = this.reader.push(chunk);
    } catch (err) {
      return this.fail(err);
    }
    for (const frame of frames) {
      // header blocks inflate asynchronously; a queue keeps every frame in arrival order
      this.queue = this.queue.then(() => this.handle(frame)).catch((err: unknown) => this.fail(err));
    }
  }

  private async handle(frame: Frame): Promise<void> {
    if (this.closed) return;
    if (frame.kind === 'data') return this.onDataFrame(frame.streamId, frame.flags, frame.data);
    const { type, flags, payload } = frame;
    switch (type) {
      case FrameType.SYN_STREAM:
        return this.onSynStream(flags, payload);
      case FrameType.SYN_REPLY:
      case FrameType.HEADERS:
        // the client never answers our streams, but the zlib context must see every header block
        await this.inflater.decompress(payload.subarray(4));
        return;
      case FrameType.RST_STREAM:
        this.streams.get(controlStreamId(payload))?.peerResetIt();
        return;
      case FrameType.PING:
        if (payload.length < 4) throw new SpdyProtocolError('PING frame too short');
        // odd ids are the client's: echo them; even ones would be answers to pings we never send
        if (payload.readUInt32BE(0) % 2 === 1) this.transport.write(pingFrame(payload.readUInt32BE(0)));
        return;
      case FrameType.GOAWAY:
        this.goingAway = true;
        return;
      default:
        // SETTINGS, WINDOW_UPDATE and unknown types: nothing to do (see flow control above)
        return;
    }
  }

  private async onSynStream(flags: number, payload: Buffer): Promise<void> {
    if (payload.length < 10) throw new SpdyProtocolError('SYN_STREAM frame too short');
    const id = controlStreamId(payload);
    const headers = await this.inflater.decompress(payload.subarray(10));
    if (id % 2 === 0 || id <= this.lastClientStreamId) {
      this.transport.write(rstStreamFrame(id, RstStatus.PROTOCOL_ERROR));
      return;
    }
    this.lastClientStreamId = id;
    const stream = new SpdyStream(id, headers, this, MAX_DATA_CHUNK);
    this.streams.set(id, stream);
    this.transport.write(synReplyFrame(id, 0, this.deflater.compress({})));
    if (flags & FLAG_FIN) stream.remoteFinished();
    this.events.onStream(stream);
  }

  private onDataFrame(id: number, flags: number, data: Buffer): void {
    const stream = this.streams.get(id);
    if (!stream) {
      // data after we closed or reset a stream is normal in a race; tell the client only once it is clearly wrong
      if (id > this.lastClientStreamId) this.transport.write(rstStreamFrame(id, RstStatus.INVALID_STREAM));
      return;
    }
    if (!stream.receive(data, (flags & FLAG_FIN) !== 0) && !this.starved.has(id)) {
      if (this.starved.size === 0) this.transport.pause();
      this.starved.add(id);
    }
  }

  // ── closing ──
  private fail(err: unknown): void {
    if (this.closed) return;
    const reason = err instanceof Error ? err : new Error(String(err));
    // a malformed frame ends this connection only
    this.transport.write(goawayFrame(this.lastClientStreamId, GoawayStatus.PROTOCOL_ERROR));
    this.transport.end();
    this.teardown(reason);
  }

  private flushDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }

  private teardown(reason?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.inflater.close();
    for (const stream of [...this.streams.values()]) stream.destroy();
    this.streams.clear();
    this.flushDrainWaiters();
    this.events.onClose(reason);
  }
}
