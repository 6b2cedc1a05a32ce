// What changed between two versions of an object, as structured-merge-diff's Compare reports it:
// leaves that were added, modified or removed, and non-leaf maps and list items that appeared or
// disappeared as a whole (those become `".": {}` entries of the manager that made them).
import { isDeepStrictEqual } from 'node:util';
import type { SchemaNode } from '../schema/types';
import { FieldSet, type Path } from './fieldset';
import { fieldPE, fieldSchema, indexList, isAtomicMap, isObject, itemSchema, listKind } from './shape';

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

export const compare = (lhs: unknown, rhs: unknown, schema: SchemaNode | undefined): Comparison => {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  walk(lhs, rhs, schema, [], c);
  return c;
};

/** fields whose value the change set, whether new or different */
export const changed = (c: Comparison): FieldSet => c.modified.union(c.added);

const isEmpty = (v: unknown): boolean =>
  v === undefined || (isObject(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);

const walk = (l: unknown, r: unknown, schema: SchemaNode | undefined, path: Path, c: Comparison): void => {
  const bothMaps = (l === undefined || isObject(l)) && (r === undefined || isObject(r));
  const bothLists = (l === undefined || Array.isArray(l)) && (r === undefined || Array.isArray(r));
  const emptyLeaf = isEmpty(l) && isEmpty(r);
  if (bothMaps && !isAtomicMap(schema) && !emptyLeaf) {
    const keys = new Set([...Object.keys((l ?? {}) as object), ...Object.keys((r ?? {}) as object)]);
    for (const key of keys) {
      const lv = (l as Record<string, unknown> | undefined)?.[key];
      const rv = (r as Record<string, unknown> | undefined)?.[key];
      if (lv === undefined && rv === undefined) continue;
      walk(lv, rv, fieldSchema(schema, key).schema, [...path, fieldPE(key)], c);
    }
    return afterItem(l, r, path, c);
  }
  if (bothLists && listKind(schema).type !== 'atomic' && !emptyLeaf) {
    const li = indexList(schema, (l ?? []) as unknown[]);
    const ri = indexList(schema, (r ?? []) as unknown[]);
    for (const pe of new Set([...li.keys(), ...ri.keys()])) walk(li.get(pe), ri.get(pe), itemSchema(schema), [...path, pe], c);
    return afterItem(l, r, path, c);
  }
  if (l === undefined) c.added.insert(path);
  else if (r === undefined) c.removed.insert(path);
  else if (!isDeepStrictEqual(l, r)) c.modified.insert(path);
};

const afterItem = (l: unknown, r: unknown, path: Path, c: Comparison): void => {
  if (l === undefined) c.added.insert(path);
  else if (r === undefined) c.removed.insert(path);
};
