// Decodes one protobuf message into its JSON object: the table gives each field number's JSON
// name, the OpenAPI definition gives the value's type (scalar, list, map or another message).
import type { JsonSchema } from '../schema/definitions';
import { refName } from '../schema/definitions';
import type { FieldSpec, MessageSpec, MessageTables } from './tables';
import { decodeValue } from './value';
import { readFields, readString, unpackVarints, WireError, WireType, type WireField } from './wire';

export interface DecodeContext {
  definition: (name: string) => JsonSchema | undefined;
  tables: MessageTables;
  warnings: string[];
}

const MAX_DEPTH = 64;

/** Decodes a message whose OpenAPI definition is `definition` (table and schema share the name). */
export const decodeMessage = (ctx: DecodeContext, bytes: Uint8Array, definition: string, path: string, depth = 0): Record<string, unknown> => {
  const spec = ctx.tables.get(definition);
  const schema = ctx.definition(definition);
  if (!spec || !schema) throw new WireError(`${path || 'the object'}: no protobuf decoding is known for ${definition}`);
  const out: Record<string, unknown> = {};
  decodeInto(ctx, { bytes, spec, schema, name: definition, path, depth }, out);
  return out;
};

interface Frame {
  bytes: Uint8Array;
  spec: MessageSpec;
  /** the JSON schema the fields belong to (the parent's, for an inlined message) */
  schema: JsonSchema;
  name: string;
  path: string;
  depth: number;
}

const decodeInto = (ctx: DecodeContext, frame: Frame, out: Record<string, unknown>): void => {
  if (frame.depth > MAX_DEPTH) throw new WireError(`${frame.path}: objects nested more than ${MAX_DEPTH} deep`);
  for (const f of readFields(frame.bytes)) {
    const field = frame.spec.get(f.number);
    if (!field) {
      ctx.warnings.push(`protobuf: unknown field number ${f.number} in ${shortOf(frame.name)}${at(frame.path)} was ignored`);
      continue;
    }
    if (field.inline) {
      decodeInline(ctx, frame, field.inline, f, out);
      continue;
    }
    const prop = propertyOf(frame.schema, field);
    if (!prop) {
      ctx.warnings.push(`protobuf: field "${join(frame.path, field.name)}" is not known to this server and was ignored`);
      continue;
    }
    setField(ctx, frame, field, prop, f, out);
  }
};

const propertyOf = (schema: JsonSchema, field: FieldSpec): JsonSchema | undefined => {
  const prop = (schema.properties as Record<string, JsonSchema> | undefined)?.[field.name];
  const freeForm = prop?.type === 'object' && !prop.properties && !prop.additionalProperties;
  return field.message && freeForm ? { $ref: `#/definitions/${field.message}` } : prop;
};

const decodeInline = (ctx: DecodeContext, frame: Frame, inline: string, f: WireField, out: Record<string, unknown>): void => {
  const spec = ctx.tables.get(inline);
  if (!spec) throw new WireError(`${frame.path}: no protobuf decoding is known for ${inline}`);
  expectBytes(f, frame.path);
  decodeInto(ctx, { ...frame, bytes: f.bytes!, spec, name: inline, depth: frame.depth + 1 }, out);
};

const setField = (ctx: DecodeContext, frame: Frame, field: FieldSpec, prop: JsonSchema, f: WireField, out: Record<string, unknown>): void => {
  const path = join(frame.path, field.name);
  const value = { ctx, special: field.special, path, depth: frame.depth + 1 };
  if (prop.type === 'array' && prop.items) {
    const list = (out[field.name] ??= []) as unknown[];
    if (f.wireType === WireType.Bytes && isPackable(ctx, prop.items)) {
      for (const v of unpackVarints(f.bytes!)) list.push(decodeValue(value, prop.items, { ...f, wireType: WireType.Varint, varint: v }));
    } else {
      const item = decodeValue(value, prop.items, f);
      if (item !== undefined) list.push(item);
    }
    return;
  }
  if (isMap(prop)) {
    const map = (out[field.name] ??= {}) as Record<string, unknown>;
    const [key, item] = mapEntry(value, prop.additionalProperties as JsonSchema, f);
    if (item !== undefined) map[key] = item;
    return;
  }
  const v = decodeValue(value, prop, f);
  if (v === undefined || v === null || (field.omitZero && isZero(v))) {
    delete out[field.name];
    return;
  }
  out[field.name] = v;
};

/** A map entry is a message {key=1, value=2}; a missing value is the zero value. */
const mapEntry = (value: Parameters<typeof decodeValue>[0], schema: JsonSchema, f: WireField): [string, unknown] => {
  expectBytes(f, value.path);
  let key = '';
  let entry: WireField | undefined;
  for (const e of readFields(f.bytes!)) {
    if (e.number === 1) {
      expectBytes(e, value.path);
      key = readString(e.bytes!);
    } else if (e.number === 2) entry = e;
  }
  const path = `${value.path}[${JSON.stringify(key)}]`;
  const item = entry ? decodeValue({ ...value, path }, schema, entry) : zeroOf(value.ctx, schema, value.special);
  return [key, item];
};

const zeroOf = (ctx: DecodeContext, schema: JsonSchema, special: FieldSpec['special']): unknown => {
  if (special === 'items') return [];
  if (special) return special === 'q' ? '0' : '';
  const s = schema.$ref ? ctx.definition(refName(schema.$ref)) ?? {} : schema;
  if (s.type === 'integer' || s.type === 'number') return 0;
  if (s.type === 'boolean') return false;
  if (s.type === 'object') return {};
  return '';
};

const isMap = (prop: JsonSchema): boolean => prop.type === 'object' && !prop.properties && typeof prop.additionalProperties === 'object';

const isPackable = (ctx: DecodeContext, items: JsonSchema): boolean => {
  const s = items.$ref ? ctx.definition(refName(items.$ref)) ?? {} : items;
  return s.type === 'integer' || s.type === 'boolean';
};

const isZero = (v: unknown): boolean => v === '' || v === 0 || v === false;

export const expectBytes = (f: WireField, path: string): void => {
  if (f.wireType !== WireType.Bytes) throw new WireError(`${path || 'the object'}: expected a length-delimited field, got wire type ${f.wireType}`);
};

const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);
const at = (path: string): string => (path ? ` at "${path}"` : '');
const shortOf = (definition: string): string => definition.slice(definition.lastIndexOf('.') + 1);
