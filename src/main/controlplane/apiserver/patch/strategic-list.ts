// List merging for strategic merge patch: lists whose schema says patchStrategy "merge" merge by
// their merge key (or, for scalars, as a set); every other list is replaced by the patch's list.
import { badRequest } from '../../../../shared/k8s/status';
import type { SchemaNode } from '../schema/types';
import { isMap, mergeMap, stripDirectives, type JsonMap } from './strategic';

export function mergeList(original: unknown[], patch: unknown[], schema: SchemaNode | undefined, order: unknown): unknown[] {
  const itemSchema = schema?.items?.();
  const replaceAll = patch.some((p) => isMap(p) && p.$patch === 'replace');
  const merges = schema?.patchStrategy?.split(',').includes('merge') ?? false;
  if (replaceAll || !merges) {
    return patch.filter((p) => !(isMap(p) && p.$patch === 'replace')).map((p) => (isMap(p) ? stripDirectives(p, itemSchema) : p));
  }
  const key = schema?.patchMergeKey;
  const merged = key ? mergeByKey(original, patch, key, itemSchema) : mergeScalars(original, patch);
  return Array.isArray(order) ? ordered(merged, original, order, key) : merged;
}

function mergeScalars(original: unknown[], patch: unknown[]): unknown[] {
  const seen = new Set(original.map((v) => JSON.stringify(v)));
  const out = [...original];
  for (const v of patch) {
    const id = JSON.stringify(v);
    if (!seen.has(id)) out.push(v);
    seen.add(id);
  }
  return out;
}

function mergeByKey(original: unknown[], patch: unknown[], key: string, itemSchema: SchemaNode | undefined): unknown[] {
  const out = [...original];
  const indexOf = (id: unknown): number => out.findIndex((o) => isMap(o) && o[key] === id);
  for (const item of patch) {
    if (!isMap(item)) throw badRequest(`json: cannot unmarshal ${typeof item} into a list element merged by key "${key}"`);
    if (!(key in item)) throw badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    const at = indexOf(item[key]);
    if (item.$patch === 'delete') {
      for (let i = indexOf(item[key]); i >= 0; i = indexOf(item[key])) out.splice(i, 1);
      continue;
    }
    if (at < 0) {
      out.push(stripDirectives(item, itemSchema));
      continue;
    }
    const merged = mergeMap(out[at] as JsonMap, item, itemSchema);
    if (merged === undefined) out.splice(at, 1);
    else out[at] = merged;
  }
  return out;
}

/**
 * $setElementOrder: the elements named in `order` come in that order; elements only the server
 * had keep their place relative to them (upstream's normalizeElementOrder).
 */
function ordered(merged: unknown[], original: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const id = (v: unknown): string => JSON.stringify(key && isMap(v) ? v[key] : v);
  const wanted = new Map(order.map((o, i) => [id(o), i]));
  const serverAt = new Map(original.map((o, i) => [id(o), i]));
  const inPatch = merged.filter((m) => wanted.has(id(m))).sort((a, b) => wanted.get(id(a))! - wanted.get(id(b))!);
  const serverOnly = merged.filter((m) => !wanted.has(id(m))).sort((a, b) => (serverAt.get(id(a)) ?? 0) - (serverAt.get(id(b)) ?? 0));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < inPatch.length || j < serverOnly.length) {
    const nextPatchAt = i < inPatch.length ? (serverAt.get(id(inPatch[i])) ?? Infinity) : Infinity;
    const takeServer = j < serverOnly.length && (i >= inPatch.length || serverAt.get(id(serverOnly[j]))! < nextPatchAt);
    out.push(takeServer ? serverOnly[j++] : inPatch[i++]);
  }
  return out;
}
