// Removing owned fields from an object, and the "named fields are members" view of a set that the
// pruning of no-longer-applied fields relies on (so `spec.replicas` also claims `spec`).
import type { SchemaNode } from '../schema/types';
import { FieldSet } from './fieldset';
import { parsePE } from './pathelement';
import { fieldSchema, indexList, isAtomicMap, isObject, itemSchema, listKind } from './shape';

/** Removes every member of `set` (with all it contains) from a copy of `value`. */
export const removeItems = (value: unknown, set: FieldSet, schema: SchemaNode | undefined): unknown => {
  if (set.empty()) return value;
  if (isObject(value) && !isAtomicMap(schema)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const pe = `f:${key}`;
      if (set.members.has(pe)) continue;
      const sub = set.children.get(pe);
      out[key] = sub ? removeItems(child, sub, fieldSchema(schema, key).schema) : child;
    }
    return out;
  }
  if (Array.isArray(value) && listKind(schema).type !== 'atomic') {
    const out: unknown[] = [];
    for (const [pe, item] of indexList(schema, value)) {
      if (set.members.has(pe)) continue;
      const sub = set.children.get(pe);
      out.push(sub ? removeItems(item, sub, itemSchema(schema)) : item);
    }
    return out;
  }
  return value;
};

export const ensureNamedFieldsAreMembers = (set: FieldSet, schema: SchemaNode | undefined): FieldSet => {
  const out = new FieldSet();
  for (const m of set.members) out.members.add(m);
  for (const [pe, child] of set.children) {
    const p = parsePE(pe);
    let cs: SchemaNode | undefined;
    if (p.kind === 'f') {
      const f = fieldSchema(schema, p.name);
      cs = f.schema;
      if (f.declared) out.members.add(pe);
    } else {
      cs = itemSchema(schema);
    }
    out.children.set(pe, ensureNamedFieldsAreMembers(child, cs));
  }
  return out;
};
