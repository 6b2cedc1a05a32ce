// Builds the resolved SchemaNode tree over JSON schemas (built-in definitions or a CRD's schema).
// Children are made on first access and memoized, and every $ref target is one shared node, so
// rootOf() is cheap and walking the same kind twice allocates nothing new.
import type { SchemaNode } from './types';
import { refName, type JsonSchema } from './definitions';

/** What the service needs beyond the public SchemaNode. */
export interface ResolvedNode extends SchemaNode {
  nullable?: boolean;
  /** x-kubernetes-embedded-resource: apiVersion/kind/metadata are implied */
  embedded?: boolean;
  /** definition name this node was resolved from, if any */
  definition?: string;
}

export type Resolve = (name: string) => JsonSchema | undefined;

export class NodeFactory {
  private readonly byDefinition = new Map<string, ResolvedNode>();

  constructor(
    private readonly resolve: Resolve,
    /** node used for an embedded resource's metadata (ObjectMeta) */
    private readonly metadata?: () => ResolvedNode,
  ) {}

  /** node of a named definition (shared) */
  definition(name: string): ResolvedNode | undefined {
    const cached = this.byDefinition.get(name);
    if (cached) return cached;
    const schema = this.resolve(name);
    if (!schema) return undefined;
    const node = this.build(schema, name);
    this.byDefinition.set(name, node);
    return node;
  }

  /** node of an inline schema; $ref schemas yield the shared definition node */
  of(schema: JsonSchema): ResolvedNode {
    const ref = refOf(schema);
    if (ref) {
      const target = this.definition(refName(ref)) ?? { type: 'any', preserveUnknownFields: true };
      return withListMeta(schema) ? { ...target, ...listMeta(schema) } : target;
    }
    return this.build(schema);
  }

  private build(schema: JsonSchema, definition?: string): ResolvedNode {
    const node: ResolvedNode = { type: typeOf(schema), ...listMeta(schema) };
    if (definition) node.definition = definition;
    if (schema.nullable) node.nullable = true;
    if (schema['x-kubernetes-preserve-unknown-fields']) node.preserveUnknownFields = true;
    if (schema['x-kubernetes-map-type']) node.mapType = schema['x-kubernetes-map-type'];
    if (schema['x-kubernetes-embedded-resource']) node.embedded = true;
    const props = schema.properties as Record<string, JsonSchema> | undefined;
    if (props || node.embedded) node.properties = memo(() => this.propertiesOf(props ?? {}, node.embedded));
    if (schema.items && typeof schema.items === 'object') node.items = memo(() => this.of(schema.items));
    const extra = schema.additionalProperties;
    if (extra && typeof extra === 'object') node.additionalProperties = memo(() => this.of(extra));
    else if (extra === true && !props) node.additionalProperties = memo(() => ANY);
    return node;
  }

  private propertiesOf(props: Record<string, JsonSchema>, embedded?: boolean): Record<string, SchemaNode> {
    const out: Record<string, SchemaNode> = {};
    if (embedded) {
      out.apiVersion = STRING;
      out.kind = STRING;
      const meta = this.metadata?.();
      if (meta) out.metadata = meta;
    }
    for (const [key, value] of Object.entries(props)) if (!(embedded && key === 'metadata' && out.metadata)) out[key] = this.of(value);
    return out;
  }
}

const STRING: ResolvedNode = { type: 'string' };
const ANY: ResolvedNode = { type: 'any', preserveUnknownFields: true };

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** $ref directly or through a single-element allOf (the OpenAPI v3 form) */
export const refOf = (schema: JsonSchema): string | undefined =>
  schema.$ref ?? (Array.isArray(schema.allOf) && schema.allOf.length === 1 ? schema.allOf[0].$ref : undefined);

const withListMeta = (schema: JsonSchema): boolean =>
  Boolean(schema['x-kubernetes-list-type'] || schema['x-kubernetes-patch-merge-key'] || schema['x-kubernetes-patch-strategy']);

function listMeta(schema: JsonSchema): Partial<SchemaNode> {
  const out: Partial<SchemaNode> = {};
  if (schema['x-kubernetes-list-type']) out.listType = schema['x-kubernetes-list-type'];
  if (schema['x-kubernetes-list-map-keys']) out.listMapKeys = schema['x-kubernetes-list-map-keys'];
  if (schema['x-kubernetes-patch-strategy']) out.patchStrategy = schema['x-kubernetes-patch-strategy'];
  if (schema['x-kubernetes-patch-merge-key']) out.patchMergeKey = schema['x-kubernetes-patch-merge-key'];
  return out;
}

function typeOf(schema: JsonSchema): SchemaNode['type'] {
  if (schema['x-kubernetes-int-or-string'] || schema.format === 'int-or-string') return 'int-or-string';
  switch (schema.type) {
    case 'object':
    case 'array':
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return schema.type;
  }
  if (schema.properties || schema.additionalProperties) return 'object';
  return 'any';
}
