// A tiny protobuf encoder for tests: builds the bytes kubectl would send, field by field.
import { MAGIC } from './envelope';

export type Field = Uint8Array;

const varintBytes = (value: bigint): number[] => {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
};

const key = (n: number, wireType: number): number[] => varintBytes(BigInt((n << 3) | wireType));

const concat = (parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

/** varint field (int32, int64, enum, bool) */
export const int = (n: number, value: number | bigint | boolean): Field =>
  Uint8Array.from([...key(n, 0), ...varintBytes(BigInt(typeof value === 'boolean' ? Number(value) : value))]);

/** length-delimited field of raw bytes */
export const bytes = (n: number, data: Uint8Array): Field => Uint8Array.from([...key(n, 2), ...varintBytes(BigInt(data.length)), ...data]);

export const str = (n: number, s: string): Field => bytes(n, new TextEncoder().encode(s));

/** embedded message */
export const msg = (n: number, ...fields: Field[]): Field => bytes(n, concat(fields));

/** one map entry {key=1, value=2}, the value already encoded as field 2 */
export const entry = (n: number, k: string, value: Field): Field => msg(n, str(1, k), value);

export const strMap = (n: number, m: Record<string, string>): Field[] => Object.entries(m).map(([k, v]) => entry(n, k, str(2, v)));

/** the whole body: magic + runtime.Unknown {typeMeta, raw} */
export const envelope = (apiVersion: string, kind: string, ...fields: Field[]): Buffer =>
  Buffer.from(concat([MAGIC, msg(1, str(1, apiVersion), str(2, kind)), msg(2, ...fields), str(3, ''), str(4, '')]));

/** ObjectMeta the way gogo writes it: every non-pointer field, even empty */
export const objectMeta = (name: string, ...more: Field[]): Field =>
  msg(1, str(1, name), str(2, ''), str(3, ''), str(4, ''), str(5, ''), str(6, ''), int(7, 0), msg(8), ...more);

/** IntOrString {type, intVal, strVal} */
export const intOrString = (n: number, v: number | string): Field =>
  typeof v === 'number' ? msg(n, int(1, 0), int(2, v), str(3, '')) : msg(n, int(1, 1), int(2, 0), str(3, v));

export const quantity = (v: string): Field => msg(2, str(1, v));
