// How a value is merged, as the schema says: granular or atomic maps, and lists that are atomic,
// sets, or maps keyed by some fields. Without a schema (unknown kind, free-form fields) we do what
// upstream does for a deduced schema: maps are granular, lists are atomic.
import type { SchemaNode } from '../schema/types';
import { fieldPE, indexPE, keyPE, valuePE } from './pathelement';

export type ListKind = { type: 'atomic' } | { type: 'set' } | { type: 'map'; keys: string[] };

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const typed = (s: SchemaNode | undefined): SchemaNode | undefined => (s && s.type !== 'any' ? s : undefined);

// Builtin structs Kubernetes marks `+structType=atomic`. The schema service's definitions may not
// carry the x-kubernetes-map-type they get in a real cluster's OpenAPI, so its definition name
// (when it exposes one) is checked too.
const atomicDefinitions = new Set(
  [
    'apimachinery.pkg.apis.meta.v1.LabelSelector',
    'api.core.v1.LocalObjectReference',
    'api.core.v1.ObjectReference',
    'api.core.v1.TypedLocalObjectReference',
    'api.core.v1.ConfigMapKeySelector',
    'api.core.v1.SecretKeySelector',
    'api.core.v1.ObjectFieldSelector',
    'api.core.v1.ResourceFieldSelector',
    'api.core.v1.NodeSelector',
    'api.core.v1.NodeSelectorTerm',
    'api.core.v1.TopologySelectorTerm',
  ].map((d) => `io.k8s.${d}`),
);

export const isAtomicMap = (s: SchemaNode | undefined): boolean => {
  const t = typed(s);
  if (!t) return false;
  if (t.mapType) return t.mapType === 'atomic';
  const definition = (t as { definition?: unknown }).definition;
  return typeof definition === 'string' && atomicDefinitions.has(definition);
};

/** The schema of one field, and whether it is a declared field of a struct (not a map key). */
export const fieldSchema = (s: SchemaNode | undefined, name: string): { schema: SchemaNode | undefined; declared: boolean } => {
  const t = typed(s);
  const declared = t?.properties?.()[name];
  if (declared) return { schema: declared, declared: true };
  return { schema: t?.additionalProperties?.(), declared: false };
};

export const itemSchema = (s: SchemaNode | undefined): SchemaNode | undefined => typed(s)?.items?.();

/** Builtin OpenAPI marks merge lists by patch strategy; structured-merge-diff reads them the same way. */
export const listKind = (s: SchemaNode | undefined): ListKind => {
  const t = typed(s);
  if (!t) return { type: 'atomic' };
  if (t.listType === 'map' && t.listMapKeys?.length) return { type: 'map', keys: t.listMapKeys };
  if (t.listType === 'set') return { type: 'set' };
  if (t.listType) return { type: 'atomic' };
  const merge = (t.patchStrategy ?? '').split(',').includes('merge');
  if (merge && t.patchMergeKey) return { type: 'map', keys: [t.patchMergeKey] };
  if (merge) return { type: 'set' };
  return { type: 'atomic' };
};

// Key fields that Kubernetes defaults when they are omitted (ports' protocol). The schema contract
// carries no defaults, so the well-known one lives here; a `default` on the node wins.
const knownKeyDefaults: Record<string, unknown> = { protocol: 'TCP' };

const keyDefault = (item: SchemaNode | undefined, key: string): unknown => {
  const prop = typed(item)?.properties?.()[key] as (SchemaNode & { default?: unknown }) | undefined;
  return prop?.default ?? knownKeyDefaults[key];
};

/** The path element naming one item of a non-atomic list. */
export const listItemPE = (kind: ListKind, list: SchemaNode | undefined, item: unknown, index: number): string => {
  if (kind.type === 'set' && !isObject(item) && !Array.isArray(item)) return valuePE(item);
  if (kind.type === 'map' && isObject(item)) {
    const key: [string, unknown][] = [];
    for (const k of kind.keys) {
      const v = item[k] ?? keyDefault(itemSchema(list), k);
      if (v === undefined) return indexPE(index);
      key.push([k, v]);
    }
    return keyPE(key);
  }
  return indexPE(index);
};

/** Items of a list with their path elements; a repeated key keeps its first item, as upstream does. */
export const indexList = (s: SchemaNode | undefined, list: unknown[]): Map<string, unknown> => {
  const kind = listKind(s);
  const out = new Map<string, unknown>();
  list.forEach((item, i) => {
    const pe = listItemPE(kind, s, item, i);
    if (!out.has(pe)) out.set(pe, item);
  });
  return out;
};

export { fieldPE };
