// The fields an object sets, as structured-merge-diff's ToFieldSet computes them: scalars, atomic
// values, list items, map keys, and empty or null values are members; a declared struct field with
// content is only a parent.
import type { SchemaNode } from '../schema/types';
import { FieldSet, type Path } from './fieldset';
import { fieldPE, fieldSchema, indexList, isAtomicMap, isObject, itemSchema, listKind } from './shape';

export const toFieldSet = (value: unknown, schema: SchemaNode | undefined): FieldSet => {
  const set = new FieldSet();
  walk(value, schema, [], set);
  return set;
};

const walk = (value: unknown, schema: SchemaNode | undefined, path: Path, set: FieldSet): void => {
  if (isObject(value)) {
    if (isAtomicMap(schema)) return set.insert(path);
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const { schema: cs, declared } = fieldSchema(schema, key);
      const p = [...path, fieldPE(key)];
      walk(child, cs, p, set);
      if (child === null || (isObject(child) && Object.keys(child).length === 0) || !declared) set.insert(p);
    }
    return;
  }
  if (Array.isArray(value)) {
    if (listKind(schema).type === 'atomic') return set.insert(path);
    for (const [pe, item] of indexList(schema, value)) {
      const p = [...path, pe];
      walk(item, itemSchema(schema), p, set);
      set.insert(p);
    }
    return;
  }
  set.insert(path);
};
