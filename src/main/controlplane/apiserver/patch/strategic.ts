// Strategic merge patch (application/strategic-merge-patch+json), as kubectl sends it for
// `kubectl patch` and client-side `kubectl apply`. Maps merge key by key; lists merge by the
// schema's x-kubernetes-patch-merge-key and are otherwise replaced. Directives:
//   $patch: replace | delete | merge      on a map, or as a list element
//   $retainKeys: [...]                    keep only these keys of the map (patch strategy retainKeys)
//   $deleteFromPrimitiveList/<field>      remove values from a primitive list
//   $setElementOrder/<field>              the order the merged list must have
import { badRequest } from '../../../../shared/k8s/status';
import type { SchemaNode } from '../schema/types';
import { mergeList } from './strategic-list';

export type JsonMap = Record<string, unknown>;

export const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

const DELETE_FROM = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';

/** Returns `obj` with `patch` applied; `obj` is left untouched. */
export function applyStrategicMergePatch(obj: JsonMap, patch: unknown, schema: SchemaNode | undefined): JsonMap {
  if (!isMap(patch)) throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
  return mergeMap(obj, patch, schema) ?? {};
}

/** child schema of a field: declared property, else map value schema */
export const fieldSchema = (schema: SchemaNode | undefined, key: string): SchemaNode | undefined =>
  schema?.properties?.()[key] ?? schema?.additionalProperties?.();

/** merges a patch map into an original; undefined means "delete this map" ($patch: delete) */
export function mergeMap(original: unknown, patch: JsonMap, schema: SchemaNode | undefined): JsonMap | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return stripDirectives(patch, schema);
  if (directive !== undefined && directive !== 'merge') throw badRequest(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  const out: JsonMap = isMap(original) ? { ...original } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_FROM)) {
      const field = key.slice(DELETE_FROM.length);
      const drop = new Set((Array.isArray(value) ? value : []).map((v) => JSON.stringify(v)));
      if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((v) => !drop.has(JSON.stringify(v)));
      continue;
    }
    const merged = mergeValue(out[key], value, fieldSchema(schema, key), patch[`${SET_ORDER}${key}`]);
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  for (const key of Object.keys(patch)) {
    // a $setElementOrder without a patch for the field still orders what is there
    if (key.startsWith(SET_ORDER) && !(key.slice(SET_ORDER.length) in patch)) {
      const field = key.slice(SET_ORDER.length);
      if (Array.isArray(out[field])) out[field] = mergeList(out[field], [], fieldSchema(schema, field), patch[key]);
    }
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const key of Object.keys(out)) if (!keep.has(key)) delete out[key];
  }
  return out;
}

function mergeValue(original: unknown, value: unknown, schema: SchemaNode | undefined, order: unknown): unknown {
  if (value === null) return undefined;
  // patchStrategy "replace" on a map (PodDisruptionBudget's selector): the patch's map wins whole
  if (isMap(value)) return schema?.patchStrategy === 'replace' ? stripDirectives(value, schema) : mergeMap(isMap(original) ? original : undefined, value, schema);
  if (Array.isArray(value)) return mergeList(Array.isArray(original) ? original : [], value, schema, order);
  return value;
}

/** a map as given, minus directives (for $patch: replace and new elements) */
export function stripDirectives(patch: JsonMap, schema: SchemaNode | undefined): JsonMap {
  return mergeMap(undefined, Object.fromEntries(Object.entries(patch).filter(([k]) => k !== '$patch')), schema) ?? {};
}
