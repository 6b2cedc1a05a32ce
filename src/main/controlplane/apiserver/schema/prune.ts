// Drops, in place, what the schema does not declare — as upstream's decoder does for built-in kinds
// and structural pruning does for custom resources — and reports each dropped path in the form
// strict field validation prints: `spec.template.spec.containers[0].foo`.
// Null values are dropped too unless the field is nullable: for built-in kinds the Go decoder
// turns null into the zero value, and for custom resources upstream prunes them before defaulting.
import type { ResolvedNode } from './node';

export function prune(value: unknown, node: ResolvedNode, path: string, unknown: string[]): void {
  if (Array.isArray(value)) {
    const items = node.items?.() as ResolvedNode | undefined;
    if (items) value.forEach((v, i) => prune(v, items, `${path}[${i}]`, unknown));
    return;
  }
  if (!isObject(value)) return;
  if (node.properties) return pruneFields(value, node, path, unknown);
  const values = node.additionalProperties?.() as ResolvedNode | undefined;
  if (!values) return;
  for (const [key, v] of Object.entries(value)) {
    if (v === null && !values.nullable && values.type !== 'any') delete value[key];
    else prune(v, values, join(path, key), unknown);
  }
}

function pruneFields(obj: Record<string, unknown>, node: ResolvedNode, path: string, unknown: string[]): void {
  const props = node.properties!() as Record<string, ResolvedNode>;
  for (const [key, v] of Object.entries(obj)) {
    const child = props[key];
    if (!child) {
      if (node.preserveUnknownFields) continue;
      unknown.push(join(path, key));
      delete obj[key];
    } else if (v === null && !child.nullable) {
      delete obj[key];
    } else {
      prune(v, child, join(path, key), unknown);
    }
  }
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
