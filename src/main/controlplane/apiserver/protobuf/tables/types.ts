// The shape of the field-number tables: protocol facts only. Value types come from the OpenAPI
// definitions; a table adds what the schema cannot say (numbers, Go zero-value omission, and the
// gogo encodings that look like plain strings or free-form objects in OpenAPI).

/** One API group-version: Go type name → compact field list, see ../README.md. */
export interface GroupTable {
  /** OpenAPI definition prefix, e.g. io.k8s.api.core.v1 */
  package: string;
  messages: Record<string, string>;
}

/** Encodings that need more than the OpenAPI type to decode. */
export type Special = 'time' | 'micro' | 'dur' | 'raw' | 'fields' | 'q' | 'ios' | 'bytes' | 'items';

export interface FieldSpec {
  number: number;
  /** JSON name; empty for an inline (embedded) message */
  name: string;
  /** non-pointer Go field with omitempty: a zero value on the wire means "absent" */
  omitZero: boolean;
  special?: Special;
  /** definition name of an embedded message whose fields are inlined into the parent object */
  inline?: string;
  /** definition name of the field's message, where the OpenAPI definitions only say "object" */
  message?: string;
}

export type MessageSpec = Map<number, FieldSpec>;
