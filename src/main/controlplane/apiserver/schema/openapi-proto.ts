// /openapi/v2 as protobuf (gnostic's openapi.v2.Document). kubectl up to 1.27 reads the v2 document
// only in this form (Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf) — for
// `kubectl explain` and for the patch metadata of client-side apply — and fails on JSON.
// Only what the Swagger document built here contains is encoded.
import { createRequire } from 'node:module';

// yaml is required when the document is first encoded, not at startup.
let stringify: typeof import('yaml').stringify | undefined;
const yamlOf = (value: unknown): string => {
  stringify ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).stringify;
  return stringify(value);
};

/** what kubectl asks for in Accept */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** what the answer's Content-Type must say: Go's mime parser rejects the '@' above, so upstream sends this */
export const OPENAPI_V2_PROTOBUF_CONTENT_TYPE = 'application/octet-stream';

type J = Record<string, any>;

/** A protobuf message under construction: fields appended in order, nested messages length-prefixed. */
class Message {
  private readonly parts: Buffer[] = [];

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  private varint(n: number): void {
    if (n >= 0 && n < 0x80) {
      this.parts.push(SMALL[n]);
      return;
    }
    const bytes: number[] = [];
    let v = BigInt.asUintN(64, BigInt(Math.trunc(n)));
    do {
      const low = Number(v & 0x7fn);
      v >>= 7n;
      bytes.push(v ? low | 0x80 : low);
    } while (v);
    this.parts.push(Buffer.from(bytes));
  }

  string(field: number, value: unknown): this {
    if (typeof value !== 'string' || value === '') return this;
    const bytes = Buffer.from(value, 'utf8');
    this.tag(field, 2);
    this.varint(bytes.length);
    this.parts.push(bytes);
    return this;
  }

  strings(field: number, values: unknown): this {
    for (const v of Array.isArray(values) ? values : []) this.string(field, v);
    return this;
  }

  bool(field: number, value: unknown): this {
    if (value === true) {
      this.tag(field, 0);
      this.varint(1);
    }
    return this;
  }

  int(field: number, value: unknown): this {
    if (typeof value === 'number' && value !== 0) {
      this.tag(field, 0);
      this.varint(value);
    }
    return this;
  }

  double(field: number, value: unknown): this {
    if (typeof value !== 'number') return this;
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    this.tag(field, 1);
    this.parts.push(b);
    return this;
  }

  message(field: number, value: Message | undefined): this {
    if (!value) return this;
    const bytes = value.bytes();
    this.tag(field, 2);
    this.varint(bytes.length);
    this.parts.push(bytes);
    return this;
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

const SMALL = Array.from({ length: 0x80 }, (_, i) => Buffer.from([i]));

const msg = (): Message => new Message();

// the same few extension values repeat thousands of times
const yamlCache = new Map<string, string>();
function toYaml(value: unknown): string {
  const key = JSON.stringify(value);
  let text = yamlCache.get(key);
  if (text === undefined) {
    text = yamlOf(value);
    if (yamlCache.size < 10_000) yamlCache.set(key, text);
  }
  return text;
}

/** openapi.v2.Any: the value as YAML, which is how kubectl reads vendor extensions */
const any = (value: unknown): Message => msg().string(2, toYaml(value));

const named = (name: string, value: Message): Message => msg().string(1, name).message(2, value);

function extensions(m: Message, field: number, obj: J): void {
  for (const [k, v] of Object.entries(obj)) if (k.startsWith('x-')) m.message(field, named(k, any(v)));
}

function schema(s: J): Message {
  const m = msg().string(1, s.$ref).string(2, s.format).string(3, s.title).string(4, s.description);
  if (s.default !== undefined) m.message(5, any(s.default));
  m.double(6, s.multipleOf).double(7, s.maximum).bool(8, s.exclusiveMaximum).double(9, s.minimum).bool(10, s.exclusiveMinimum);
  m.int(11, s.maxLength).int(12, s.minLength).string(13, s.pattern).int(14, s.maxItems).int(15, s.minItems).bool(16, s.uniqueItems);
  m.int(17, s.maxProperties).int(18, s.minProperties).strings(19, s.required);
  for (const e of Array.isArray(s.enum) ? s.enum : []) m.message(20, any(e));
  if (s.additionalProperties !== undefined) {
    m.message(21, typeof s.additionalProperties === 'object' ? msg().message(1, schema(s.additionalProperties)) : msg().bool(2, s.additionalProperties));
  }
  if (s.type) m.message(22, msg().strings(1, Array.isArray(s.type) ? s.type : [s.type]));
  if (s.items) m.message(23, msg().message(1, schema(s.items)));
  for (const a of Array.isArray(s.allOf) ? s.allOf : []) m.message(24, schema(a));
  if (s.properties) {
    const props = msg();
    for (const [name, p] of Object.entries(s.properties as J)) props.message(1, named(name, schema(p)));
    m.message(25, props);
  }
  if (s.example !== undefined) m.message(30, any(s.example));
  extensions(m, 31, s);
  return m;
}

function parameter(p: J): Message {
  if (p.in === 'body') {
    return msg().message(1, msg().message(1, msg().string(1, p.description).string(2, p.name).string(3, p.in).bool(4, p.required).message(5, schema(p.schema))));
  }
  const sub = msg().bool(1, p.required).string(2, p.in).string(3, p.description).string(4, p.name);
  // query and path sub-schemas number their fields differently after `name`
  if (p.in === 'path') sub.string(5, p.type).bool(19, p.uniqueItems);
  else sub.string(6, p.type).bool(20, p.uniqueItems);
  return msg().message(1, msg().message(2, msg().message(p.in === 'path' ? 4 : 3, sub)));
}

function operation(op: J): Message {
  const m = msg().strings(1, op.tags).string(3, op.description).string(5, op.operationId).strings(6, op.produces).strings(7, op.consumes);
  for (const p of op.parameters ?? []) m.message(8, parameter(p));
  const responses = msg();
  for (const [code, r] of Object.entries((op.responses ?? {}) as J)) {
    const response = msg().string(1, r.description);
    if (r.schema) response.message(2, msg().message(1, schema(r.schema)));
    responses.message(1, named(code, msg().message(1, response)));
  }
  m.message(9, responses).strings(10, op.schemes);
  extensions(m, 13, op);
  return m;
}

const METHODS: [string, number][] = [['get', 2], ['put', 3], ['post', 4], ['delete', 5], ['options', 6], ['head', 7], ['patch', 8]];

/** Encodes the Swagger document built by OpenAPIDocs. */
export function encodeSwagger(doc: J): Buffer {
  const paths = msg();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as J)) {
    const pi = msg();
    for (const [method, field] of METHODS) if (item[method]) pi.message(field, operation(item[method]));
    paths.message(2, named(path, pi));
  }
  const definitions = msg();
  for (const [name, s] of Object.entries((doc.definitions ?? {}) as J)) definitions.message(1, named(name, schema(s)));
  const security = msg();
  for (const [name, d] of Object.entries((doc.securityDefinitions ?? {}) as J)) {
    security.message(1, named(name, msg().message(2, msg().string(1, d.type).string(2, d.name).string(3, d.in).string(4, d.description))));
  }
  const out = msg().string(1, doc.swagger).message(2, msg().string(1, doc.info?.title).string(2, doc.info?.version)).message(8, paths).message(9, definitions);
  for (const req of doc.security ?? []) {
    const r = msg();
    for (const [name, scopes] of Object.entries(req as J)) r.message(1, named(name, msg().strings(1, scopes)));
    out.message(12, r);
  }
  return out.message(13, security).bytes();
}
