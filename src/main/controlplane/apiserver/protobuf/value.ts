// One field value: the special gogo encodings first (they are what the table flags), then the
// OpenAPI type of the field decides how the wire payload reads.
import { refName, type JsonSchema } from '../schema/definitions';
import { decodeMessage, expectBytes, type DecodeContext } from './message';
import { decodeDuration, decodeIntOrString, decodeItems, decodeQuantity, decodeRawJson, decodeTime } from './specials';
import type { Special } from './tables';
import { readFloat, readString, WireError, WireType, type WireField } from './wire';

export interface ValueContext {
  ctx: DecodeContext;
  special?: Special;
  path: string;
  depth: number;
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

const decodeSpecial = (v: ValueContext, f: WireField): unknown => {
  expectBytes(f, v.path);
  const bytes = f.bytes!;
  switch (v.special) {
    case 'time':
      return decodeTime(bytes, false);
    case 'micro':
      return decodeTime(bytes, true);
    case 'dur':
      return decodeDuration(bytes);
    case 'raw':
    case 'fields':
      return decodeRawJson(bytes);
    case 'q':
      return decodeQuantity(bytes);
    case 'ios':
      return decodeIntOrString(bytes);
    case 'items':
      return decodeItems(bytes);
    case 'bytes':
      return Buffer.from(bytes).toString('base64');
    default:
      throw new WireError(`${v.path}: unknown encoding ${String(v.special)}`);
  }
};

/** Decodes a value of the given (OpenAPI) schema; undefined means "skipped, with a warning". */
export const decodeValue = (v: ValueContext, schema: JsonSchema, f: WireField): unknown => {
  if (v.special) return decodeSpecial(v, f);
  if (schema.$ref) return decodeRef(v, refName(schema.$ref), f);
  switch (schema.type) {
    case 'string':
      expectBytes(f, v.path);
      return schema.format === 'byte' ? Buffer.from(f.bytes!).toString('base64') : readString(f.bytes!);
    case 'integer':
      return Number(expectVarint(v, f));
    case 'boolean':
      return expectVarint(v, f) !== 0n;
    case 'number':
      return f.wireType === WireType.Varint ? Number(f.varint) : readNumber(v, f);
  }
  v.ctx.warnings.push(`protobuf: field "${v.path}" has a type this server cannot decode from protobuf and was ignored`);
  return undefined;
};

const decodeRef = (v: ValueContext, name: string, f: WireField): unknown => {
  expectBytes(f, v.path);
  if (name === QUANTITY) return decodeQuantity(f.bytes!);
  if (name === INT_OR_STRING) return decodeIntOrString(f.bytes!);
  if (!v.ctx.tables.get(name)) {
    v.ctx.warnings.push(`protobuf: field "${v.path}" (${name}) cannot be decoded from protobuf by this server and was ignored`);
    return undefined;
  }
  return decodeMessage(v.ctx, f.bytes!, name, v.path, v.depth);
};

const expectVarint = (v: ValueContext, f: WireField): bigint => {
  if (f.wireType !== WireType.Varint) throw new WireError(`${v.path}: expected a varint, got wire type ${f.wireType}`);
  return f.varint!;
};

const readNumber = (v: ValueContext, f: WireField): number => {
  if (f.wireType !== WireType.Fixed64 && f.wireType !== WireType.Fixed32) throw new WireError(`${v.path}: expected a number, got wire type ${f.wireType}`);
  return readFloat(f);
};
