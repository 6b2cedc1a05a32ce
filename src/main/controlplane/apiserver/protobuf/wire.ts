// The protobuf wire format, read defensively: every read checks the bounds, so a truncated or
// corrupt body becomes a WireError (and then a 400), never an exception from deep inside.

export const WireType = { Varint: 0, Fixed64: 1, Bytes: 2, Fixed32: 5 } as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

export class WireError extends Error {}

/** One field occurrence: its number, wire type and raw payload. */
export interface WireField {
  number: number;
  wireType: WireType;
  /** varint value (as a signed 64-bit integer) */
  varint?: bigint;
  /** payload of Bytes, Fixed64 and Fixed32 fields */
  bytes?: Uint8Array;
}

export class Reader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw new WireError('unexpected end of data inside a number: the body is truncated or corrupt');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return BigInt.asIntN(64, result);
    }
    throw new WireError('a number is longer than 10 bytes: the body is corrupt');
  }

  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) {
      throw new WireError(`unexpected end of data: a field announces ${n} bytes but ${this.buf.length - this.pos} are left; the body is truncated or corrupt`);
    }
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  field(): WireField {
    const key = this.varint();
    const number = Number(BigInt.asUintN(64, key) >> 3n);
    const wireType = Number(key & 7n) as WireType;
    if (number < 1 || number > 0x1fffffff) throw new WireError(`invalid field number ${number}: the body is corrupt`);
    switch (wireType) {
      case WireType.Varint:
        return { number, wireType, varint: this.varint() };
      case WireType.Fixed64:
        return { number, wireType, bytes: this.take(8) };
      case WireType.Bytes: {
        const len = this.varint();
        if (len < 0n || len > 0x7fffffffn) throw new WireError(`invalid length ${len} for field ${number}`);
        return { number, wireType, bytes: this.take(Number(len)) };
      }
      case WireType.Fixed32:
        return { number, wireType, bytes: this.take(4) };
      default:
        throw new WireError(`unsupported wire type ${wireType as number} for field ${number}`);
    }
  }
}

/** All fields of one message, in wire order. */
export const readFields = (buf: Uint8Array): WireField[] => {
  const r = new Reader(buf);
  const out: WireField[] = [];
  while (!r.done()) out.push(r.field());
  return out;
};

/** Fixed64 as a double (proto `double`), Fixed32 as a float. */
export const readFloat = (f: WireField): number => {
  const b = f.bytes!;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return f.wireType === WireType.Fixed64 ? view.getFloat64(0, true) : view.getFloat32(0, true);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const readString = (bytes: Uint8Array): string => {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new WireError('a string field is not valid UTF-8');
  }
};

/** The elements of a packed repeated scalar field. */
export const unpackVarints = (bytes: Uint8Array): bigint[] => {
  const r = new Reader(bytes);
  const out: bigint[] = [];
  while (!r.done()) out.push(r.varint());
  return out;
};
