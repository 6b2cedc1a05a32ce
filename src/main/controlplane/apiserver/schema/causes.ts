// Turns ajv errors into upstream causes. Built-in kinds fail in the Go JSON decoder
// (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`);
// custom resources fail in OpenAPI validation (`spec.replicas in body must be of type integer: "x"`).
import type { ErrorObject } from 'ajv';
import type { StatusCause } from '../../../../shared/k8s/status';

export const REASON_UNKNOWN_FIELD = 'FieldValueUnknown';
export const REASON_TYPE = 'FieldValueTypeInvalid';

/** "/spec/containers/0/image" → { field: "spec.containers[0].image", goPath: "spec.containers.image" } */
function paths(instancePath: string): { field: string; goPath: string; goParts: string[] } {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let field = '';
  const go: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) field += `[${p}]`;
    else {
      field = field ? `${field}.${p}` : p;
      go.push(p);
    }
  }
  return { field, goPath: go.join('.'), goParts: go };
}

const jsonKind = (v: unknown): string =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v;

/** upstream's rendering of a bad value in a cause: strings quoted, numbers bare */
export const showValue = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : `"${jsonKind(v)}"`;

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function requiredCause(e: ErrorObject): StatusCause {
  const field = join(paths(e.instancePath).field, String(e.params.missingProperty));
  return { reason: 'FieldValueRequired', message: 'Required value', field };
}

function enumCause(e: ErrorObject): StatusCause {
  const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
  return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${showValue(e.data)}: supported values: ${allowed}`, field: paths(e.instancePath).field };
}

function builtinTypeCause(e: ErrorObject): StatusCause {
  const { field, goPath: full, goParts } = paths(e.instancePath);
  const goPath = e.parentSchema?.['x-in-map'] ? goParts.slice(0, -1).join('.') : full;
  const go = e.parentSchema?.['x-go'] ?? 'interface {}';
  const struct = e.parentSchema?.['x-struct'];
  const value = jsonKind(e.data) === 'number' && !Number.isInteger(e.data) && /int/.test(go) ? `number ${String(e.data)}` : jsonKind(e.data);
  const message = struct
    ? `json: cannot unmarshal ${value} into Go struct field ${struct}.${goPath} of type ${go}`
    : `json: cannot unmarshal ${value} into Go value of type ${go}`;
  return { reason: REASON_TYPE, message, field };
}

function customCause(e: ErrorObject): StatusCause {
  const { field } = paths(e.instancePath);
  const at = field || '<root>';
  if (e.keyword === 'type') {
    const want = Array.isArray(e.params.type) ? e.params.type.join(',') : e.params.type;
    return { reason: REASON_TYPE, message: `Invalid value: ${showValue(e.data)}: ${at} in body must be of type ${want}: ${showValue(e.data)}`, field };
  }
  const body = ((): string => {
    switch (e.keyword) {
      case 'minimum': return `should be greater than or equal to ${e.params.limit}`;
      case 'maximum': return `should be less than or equal to ${e.params.limit}`;
      case 'exclusiveMinimum': return `should be greater than ${e.params.limit}`;
      case 'exclusiveMaximum': return `should be less than ${e.params.limit}`;
      case 'pattern': return `should match '${e.params.pattern}'`;
      case 'minLength': return `should be at least ${e.params.limit} chars long`;
      case 'maxLength': return `should be at most ${e.params.limit} chars long`;
      case 'minItems': return `should have at least ${e.params.limit} items`;
      case 'maxItems': return `should have at most ${e.params.limit} items`;
      case 'multipleOf': return `should be a multiple of ${e.params.multipleOf}`;
      case 'uniqueItems': return 'shouldn\'t contain duplicates';
      default: return e.message ?? 'is invalid';
    }
  })();
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${showValue(e.data)}: ${at} in body ${body}`, field };
}

// Keywords whose failure only repeats a more precise error on a branch (anyOf/allOf wrappers).
const NOISE = new Set(['anyOf', 'allOf', 'oneOf', 'if', 'then', 'else']);

export function causesFromAjv(errors: ErrorObject[] | null | undefined, custom: boolean): StatusCause[] {
  const out: StatusCause[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (NOISE.has(e.keyword)) continue;
    const cause =
      e.keyword === 'required' ? requiredCause(e) : e.keyword === 'enum' ? enumCause(e) : custom ? customCause(e) : e.keyword === 'type' ? builtinTypeCause(e) : undefined;
    if (!cause) continue;
    const key = `${cause.field}|${cause.message}`;
    if (!seen.has(key)) out.push(cause);
    seen.add(key);
  }
  return out;
}
