// Swagger 2.0 → OpenAPI 3.0, the way upstream serves /openapi/v3/<group-version>: refs point at
// #/components/schemas, a $ref with a description becomes allOf:[{$ref}], bodies become requestBody.
import type { JsonSchema } from './definitions';

const V2_REF = '#/definitions/';
const V3_REF = '#/components/schemas/';

/** `wrap`: a $ref inside a schema becomes allOf:[{$ref}] (upstream's form, which leaves room for a description) */
export function schemaToV3(schema: unknown, wrap = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => schemaToV3(s));
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as JsonSchema;
  if (typeof s.$ref === 'string') {
    const ref = s.$ref.replace(V2_REF, V3_REF);
    const { $ref: _ref, ...rest } = s;
    return wrap || Object.keys(rest).length ? { ...mapObject(rest), allOf: [{ $ref: ref }] } : { $ref: ref };
  }
  return mapObject(s);
}

// `properties` maps field names, which may be keywords themselves (LimitRangeItem has a `default`)
const mapObject = (s: JsonSchema): JsonSchema => {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as JsonSchema).map(([name, p]) => [name, schemaToV3(p)]));
    else out[k] = k === 'enum' || k === 'default' || k === 'example' ? v : schemaToV3(v);
  }
  return out;
};

function parameterToV3(p: JsonSchema): JsonSchema {
  const { name, in: where, description, required, type, uniqueItems } = p;
  return { name, in: where, ...(description ? { description } : {}), ...(required ? { required } : {}), schema: { type, uniqueItems } };
}

function operationToV3(op: JsonSchema): JsonSchema {
  const { consumes, produces, schemes: _schemes, parameters, responses, ...rest } = op;
  const out: JsonSchema = { ...rest };
  const params = parameters as JsonSchema[];
  const body = params.find((p) => p.in === 'body');
  out.parameters = params.filter((p) => p.in !== 'body').map(parameterToV3);
  if (body) {
    const types = (consumes as string[]).includes('*/*') ? ['*/*'] : (consumes as string[]);
    out.requestBody = { content: Object.fromEntries(types.map((t) => [t, { schema: schemaToV3(body.schema, false) }])), ...(body.required ? { required: true } : {}) };
  }
  out.responses = Object.fromEntries(
    Object.entries(responses as Record<string, JsonSchema>).map(([code, r]) => [
      code,
      r.schema ? { description: r.description, content: Object.fromEntries((produces as string[]).map((t) => [t, { schema: schemaToV3(r.schema, false) }])) } : { description: r.description },
    ]),
  );
  return out;
}

export function pathsToV3(paths: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(paths)) {
    out[path] = Object.fromEntries(Object.entries(item).map(([method, op]) => [method, operationToV3(op as JsonSchema)]));
  }
  return out;
}
