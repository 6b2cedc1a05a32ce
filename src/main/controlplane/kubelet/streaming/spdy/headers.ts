// SPDY/3 header blocks (draft 3 §2.6.10): a count, then length-prefixed names and values, inside
// ONE zlib stream per direction that lasts as long as the connection (each block ends flushed).
//
// Outgoing blocks use deflate "stored" blocks: a valid zlib stream that needs no compressor
// state, so a header block is built synchronously and frames never reorder. Go's reader
// (golang.org/x/net/spdy, used by kubectl via moby/spdystream) reads it like any other zlib data.
// Incoming blocks are real zlib with the SPDY/3 dictionary (Go compresses them), inflated by
// node:zlib; the dictionary comes from spdy-transport, which ships it.
import { createRequire } from 'node:module';
import { constants, createInflate, type Inflate } from 'node:zlib';
import { SpdyProtocolError } from './frames';

export type Headers = Record<string, string>;

let dictionary: Buffer | undefined;
function spdy3Dictionary(): Buffer {
  dictionary ??= (
    createRequire(import.meta.url)('spdy-transport/lib/spdy-transport/protocol/spdy/dictionary.js') as Record<number, Buffer>
  )[3]!;
  return dictionary;
}

/** name/value pairs → the uncompressed block */
export function encodeHeaderPairs(headers: Headers): Buffer {
  const parts: Buffer[] = [];
  const entries = Object.entries(headers);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(entries.length);
  parts.push(count);
  for (const [name, value] of entries) {
    for (const s of [name.toLowerCase(), value]) {
      const b = Buffer.from(s, 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      parts.push(len, b);
    }
  }
  return Buffer.concat(parts);
}

/** the uncompressed block → name/value pairs (several values of one name are NUL-separated; kept as one string) */
export function decodeHeaderPairs(block: Buffer): Headers {
  const out: Headers = {};
  let at = 0;
  const u32 = (): number => {
    if (at + 4 > block.length) throw new SpdyProtocolError('header block truncated');
    const v = block.readUInt32BE(at);
    at += 4;
    return v;
  };
  const str = (): string => {
    const len = u32();
    if (at + len > block.length) throw new SpdyProtocolError('header block truncated');
    const s = block.toString('utf8', at, at + len);
    at += len;
    return s;
  };
  const count = u32();
  for (let i = 0; i < count; i++) {
    const name = str().toLowerCase();
    out[name] = str();
  }
  return out;
}

const SYNC_FLUSH_MARKER = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);

/** one direction's outgoing zlib stream, as stored blocks */
export class HeaderDeflater {
  private started = false;

  compress(headers: Headers): Buffer {
    const raw = encodeHeaderPairs(headers);
    const parts: Buffer[] = [];
    if (!this.started) {
      // CMF 0x78 (deflate, 32 KiB window), FLG 0x01: no preset dictionary, check bits valid
      parts.push(Buffer.from([0x78, 0x01]));
      this.started = true;
    }
    for (let at = 0; at < raw.length; at += 0xffff) {
      const piece = raw.subarray(at, at + 0xffff);
      const h = Buffer.alloc(5);
      h[0] = 0x00; // BFINAL 0, BTYPE 00 (stored): the stream never ends
      h.writeUInt16LE(piece.length, 1);
      h.writeUInt16LE(~piece.length & 0xffff, 3);
      parts.push(h, piece);
    }
    // an empty stored block ends every header block, as zlib's Z_SYNC_FLUSH does: Go's inflater
    // hands out a block's bytes only once it has read the next block's head, so without this marker
    // it would read past the frame and fail on the next one
    parts.push(SYNC_FLUSH_MARKER);
    return Buffer.concat(parts);
  }
}

/** one direction's incoming zlib stream; blocks must be inflated in arrival order */
export class HeaderInflater {
  private readonly inflate: Inflate = createInflate({ dictionary: spdy3Dictionary() });
  private inflated: Buffer[] = [];
  private failure: Error | undefined;
  private onFailure: ((err: Error) => void) | undefined;

  constructor() {
    // flowing mode: zlib stops at a full readable buffer, so a big block would never finish flushing
    this.inflate.on('data', (c: Buffer) => this.inflated.push(c));
    this.inflate.on('error', (err) => {
      this.failure = new SpdyProtocolError(`header block: ${err.message}`);
      // a broken stream never calls the flush callback; the pending block fails here instead
      this.onFailure?.(this.failure);
    });
  }

  decompress(block: Buffer): Promise<Headers> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.onFailure = reject;
      this.inflate.write(block);
      this.inflate.flush(constants.Z_SYNC_FLUSH, () =>
        // the last 'data' of this block may still be on its way; it is out by the next turn
        setImmediate(() => {
          this.onFailure = undefined;
          if (this.failure) return reject(this.failure);
          const raw = Buffer.concat(this.inflated);
          this.inflated = [];
          try {
            resolve(decodeHeaderPairs(raw));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        }),
      );
    });
  }

  close(): void {
    this.inflate.destroy();
  }
}
