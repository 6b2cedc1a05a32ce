// SPDY/3.1 framing (draft 3 §2.2): an 8-byte head, then the payload. Control frames carry
// version 3 and a type; data frames carry a stream id. Header blocks stay compressed here;
// headers.ts turns them into name/value pairs.
export const SPDY_VERSION = 3;

export const FrameType = {
  SYN_STREAM: 1,
  SYN_REPLY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PING: 6,
  GOAWAY: 7,
  HEADERS: 8,
  WINDOW_UPDATE: 9,
} as const;

export const FLAG_FIN = 0x01;
export const FLAG_UNIDIRECTIONAL = 0x02;

/** RST_STREAM status codes (draft 3 §2.6.3) */
export const RstStatus = { PROTOCOL_ERROR: 1, INVALID_STREAM: 2, REFUSED_STREAM: 3, CANCEL: 5, INTERNAL_ERROR: 6 } as const;
/** GOAWAY status codes (draft 3 §2.6.6) */
export const GoawayStatus = { OK: 0, PROTOCOL_ERROR: 1, INTERNAL_ERROR: 2 } as const;

/** Go's spdy framer refuses frames above 2^24-1 anyway; data goes out in chunks well below it */
export const MAX_DATA_CHUNK = 32 * 1024;

export type Frame =
  | { kind: 'data'; streamId: number; flags: number; data: Buffer }
  | { kind: 'control'; type: number; flags: number; payload: Buffer };

export class SpdyProtocolError extends Error {}

/** cuts a byte stream into frames; push() returns the complete ones, keeps the rest */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** bytes needed before the next frame can be cut (so a big frame is joined once, not per read) */
  private needed = 8;

  push(chunk: Buffer): Frame[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.needed) return [];
    let buf = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    const frames: Frame[] = [];
    this.needed = 8;
    while (buf.length >= 8) {
      const length = buf.readUIntBE(5, 3);
      if (buf.length < 8 + length) {
        this.needed = 8 + length;
        break;
      }
      frames.push(parseFrame(buf.subarray(0, 8 + length)));
      buf = buf.subarray(8 + length);
    }
    this.pending = buf.length ? [buf] : [];
    this.pendingBytes = buf.length;
    return frames;
  }
}

function parseFrame(buf: Buffer): Frame {
  const flags = buf[4]!;
  const body = buf.subarray(8);
  if ((buf[0]! & 0x80) === 0) {
    return { kind: 'data', streamId: buf.readUInt32BE(0) & 0x7fffffff, flags, data: body };
  }
  const version = buf.readUInt16BE(0) & 0x7fff;
  if (version !== SPDY_VERSION) throw new SpdyProtocolError(`unsupported SPDY version ${version} (want 3)`);
  return { kind: 'control', type: buf.readUInt16BE(2), flags, payload: body };
}

function head(first: number, second: number, flags: number, length: number): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(first, 0);
  h.writeUInt16BE(second, 2);
  h.writeUInt32BE(length, 4);
  h[4] = flags;
  return h;
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([head(0x8000 | SPDY_VERSION, type, flags, payload.length), payload]);
}

export function dataFrame(streamId: number, flags: number, data: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32BE(streamId & 0x7fffffff, 0);
  h.writeUInt32BE(data.length, 4);
  h[4] = flags;
  return Buffer.concat([h, data]);
}

function u32s(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
}

export function synStreamFrame(streamId: number, flags: number, headerBlock: Buffer): Buffer {
  // associated stream 0, priority 0, slot 0
  return controlFrame(FrameType.SYN_STREAM, flags, Buffer.concat([u32s(streamId, 0), Buffer.alloc(2), headerBlock]));
}

export function synReplyFrame(streamId: number, flags: number, headerBlock: Buffer): Buffer {
  return controlFrame(FrameType.SYN_REPLY, flags, Buffer.concat([u32s(streamId), headerBlock]));
}

export function rstStreamFrame(streamId: number, status: number): Buffer {
  return controlFrame(FrameType.RST_STREAM, 0, u32s(streamId, status));
}

export function pingFrame(id: number): Buffer {
  return controlFrame(FrameType.PING, 0, u32s(id));
}

export function goawayFrame(lastGoodStreamId: number, status: number): Buffer {
  return controlFrame(FrameType.GOAWAY, 0, u32s(lastGoodStreamId, status));
}

/** the stream id a control frame names (SYN_STREAM, SYN_REPLY, RST, HEADERS, WINDOW_UPDATE) */
export function controlStreamId(payload: Buffer): number {
  if (payload.length < 4) throw new SpdyProtocolError('control frame too short for a stream id');
  return payload.readUInt32BE(0) & 0x7fffffff;
}
