// Converts the OpenAPI schemas into what ajv checks: types, required fields, enums and (for custom
// resources) the value constraints. Unknown fields are not ajv's job (prune does them), so no
// additionalProperties:false. Each property carries `x-go` (its Go type) and `x-struct` (the Go
// struct holding it) so a type error can be reported the way the Go JSON decoder words it.
import { INT_OR_STRING, QUANTITY } from '../../../../../scripts/gen-schemas.mjs';
import { refName, shortName, type JsonSchema } from './definitions';
import { refOf } from './node';


/** Go type as the decoder names it: v1.PodSpec, []v1.Container, map[string]string, int32 */
function goType(schema: JsonSchema): string {
  const ref = refOf(schema);
  if (ref) {
    const name = refName(ref);
    if (name === INT_OR_STRING) return 'intstr.IntOrString';
    if (name === QUANTITY) return 'resource.Quantity';
    const parts = name.split('.');
    return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
  }
  switch (schema.type) {
    case 'array': return `[]${schema.items ? goType(schema.items) : 'interface {}'}`;
    case 'object': return schema.additionalProperties ? `map[string]${goType(schema.additionalProperties)}` : 'map[string]interface {}';
    case 'integer': return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'string': return schema.format === 'byte' ? '[]uint8' : 'string';
  }
  return 'interface {}';
}

function builtinProperty(schema: JsonSchema, struct: string): JsonSchema {
  const go = { 'x-go': goType(schema), 'x-struct': struct };
  const ref = refOf(schema);
  if (ref) {
    const name = refName(ref);
    if (name === INT_OR_STRING) return { type: ['integer', 'string'], ...go };
    if (name === QUANTITY) return { type: ['string', 'number'], ...go };
    return { type: 'object', ...go };
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] && !schema.properties) return {};
  if (schema.type === 'array') return { type: 'array', ...go, ...(schema.items ? { items: builtinProperty(schema.items, struct) } : {}) };
  if (schema.type === 'object' && schema.additionalProperties) {
    // x-in-map: the Go decoder names struct fields only, so a bad map value is reported at the map
    return { type: 'object', ...go, additionalProperties: { ...builtinProperty(schema.additionalProperties, struct), 'x-in-map': true } };
  }
  return schema.type ? { type: schema.type, ...go, ...(schema.enum ? { enum: schema.enum } : {}) } : {};
}

/**
 * One built-in definition, shallow: a property holding another definition is only checked to be an
 * object, so each definition compiles on its own, in a millisecond, and only the definitions an
 * object actually uses are ever compiled (the validator walks into them itself).
 */
export function shallowDefinitionSchema(name: string, def: JsonSchema): JsonSchema {
  const struct = shortName(name);
  const properties = Object.fromEntries(Object.entries((def.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => [k, builtinProperty(v, struct)]));
  return { type: 'object', properties, ...(def.required ? { required: def.required } : {}) };
}

const DROP = new Set(['description', 'example', 'externalDocs', 'x-kubernetes-validations', 'x-kubernetes-list-map-keys', 'x-kubernetes-list-type', 'x-kubernetes-map-type']);

/** A CRD's openAPIV3Schema in ajv form: nullable and int-or-string made explicit, metadata as ObjectMeta. */
export function customAjvSchema(schema: JsonSchema, root = true, patterns = true): JsonSchema {
  const out: JsonSchema = {};
  const sub = (v: JsonSchema): JsonSchema => customAjvSchema(v, false, patterns);
  for (const [key, value] of Object.entries(schema)) {
    if (DROP.has(key) || (key === 'pattern' && !patterns)) continue;
    if (key === 'properties') out.properties = mapValues(value, sub);
    else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof value === 'object')) out[key] = sub(value);
    else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') out[key] = (value as JsonSchema[]).map(sub);
    else out[key] = value;
  }
  if (schema['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
  if (schema.nullable && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  // metadata is checked as the built-in ObjectMeta, by the validator
  if (root) out.properties = { ...out.properties, metadata: { type: 'object' } };
  return out;
}

const mapValues = (obj: Record<string, JsonSchema>, fn: (v: JsonSchema) => JsonSchema): Record<string, JsonSchema> =>
  Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
