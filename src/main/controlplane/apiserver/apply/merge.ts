// Merges an applied configuration onto the live object: the applied value wins at every leaf,
// granular maps merge key by key, map-lists and sets merge item by item, atomic values are replaced.
// A null in the configuration unsets the field (Kubernetes drops nulls when it decodes the result).
import type { SchemaNode } from '../schema/types';
import { fieldSchema, indexList, isAtomicMap, isObject, itemSchema, listKind } from './shape';

export const mergeValues = (lhs: unknown, rhs: unknown, schema: SchemaNode | undefined): unknown => {
  if (rhs === undefined) return lhs;
  if (lhs === undefined || lhs === null) return dropNulls(rhs);
  if (isObject(lhs) && isObject(rhs) && !isAtomicMap(schema)) return mergeMaps(lhs, rhs, schema);
  if (Array.isArray(lhs) && Array.isArray(rhs) && listKind(schema).type !== 'atomic') return mergeLists(lhs, rhs, schema);
  return dropNulls(rhs);
};

const mergeMaps = (l: Record<string, unknown>, r: Record<string, unknown>, schema: SchemaNode | undefined): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(l), ...Object.keys(r)])) {
    const v = mergeValues(l[key], r[key], fieldSchema(schema, key).schema);
    if (v !== undefined && v !== null) out[key] = v;
  }
  return out;
};

/**
 * Order follows upstream: items only in live keep their place, applied items come in the applied
 * order, and an item in both moves to where the applied configuration puts it.
 */
const mergeLists = (l: unknown[], r: unknown[], schema: SchemaNode | undefined): unknown[] => {
  const li = indexList(schema, l);
  const ri = indexList(schema, r);
  const lOrder = [...li.keys()];
  const rOrder = [...ri.keys()];
  const shared = rOrder.filter((pe) => li.has(pe));
  let next = 0;
  const out: unknown[] = [];
  const emit = (pe: string): void => {
    const v = mergeValues(li.get(pe), ri.get(pe), itemSchema(schema));
    if (v !== undefined && v !== null) out.push(v);
  };
  let lI = 0;
  let rI = 0;
  while (lI < lOrder.length || rI < rOrder.length) {
    const lpe = lOrder[lI];
    if (lI < lOrder.length && rI < rOrder.length) {
      if (lpe === rOrder[rI]) {
        emit(lpe);
        lI++;
        rI++;
        if (shared[next] === lpe) next++;
        continue;
      }
      if (ri.has(lpe) && next < shared.length && shared[next] !== lpe) {
        lI++;
        continue;
      }
    }
    if (lI < lOrder.length && !ri.has(lpe)) {
      emit(lpe);
      lI++;
      continue;
    }
    if (rI < rOrder.length) {
      const rpe = rOrder[rI++];
      emit(rpe);
      if (shared[next] === rpe) next++;
      continue;
    }
    lI++; // a shared item the applied list already placed
  }
  return out;
};

const dropNulls = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(v)) if (c !== null && c !== undefined) out[k] = dropNulls(c);
  return out;
};
