// Contract of the schema service: the one place that knows the shape of every kind.
// Built-in kinds come from the official OpenAPI definitions shipped (as generated models) by
// @kubernetes/client-node; custom resources from their CRD's openAPIV3Schema.
import type { StatusCause } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** One node of a structural schema, resolved (no $ref). Children are resolved lazily. */
export interface SchemaNode {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'any';
  /** object fields (undefined for maps and free-form objects) */
  properties?(): Record<string, SchemaNode>;
  /** element schema of an array */
  items?(): SchemaNode;
  /** value schema of a map (object with additionalProperties) */
  additionalProperties?(): SchemaNode;
  /** x-kubernetes-list-type / x-kubernetes-list-map-keys (server-side apply) */
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  /** x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key (strategic merge patch) */
  patchStrategy?: string;
  patchMergeKey?: string;
  /** x-kubernetes-map-type */
  mapType?: 'atomic' | 'granular';
  /** x-kubernetes-preserve-unknown-fields */
  preserveUnknownFields?: boolean;
}

export interface ValidationResult {
  /** failures, as upstream causes: field path like spec.replicas, reason FieldValueInvalid etc. */
  causes: StatusCause[];
  /** for fieldValidation=Warn: `unknown field "spec.foo"` lines for the Warning header */
  warnings: string[];
}

export interface SchemaService {
  /** root schema of a kind; undefined if unknown */
  rootOf(resource: ResourceInfo): SchemaNode | undefined;

  /**
   * Checks types, required fields and enums, and handles unknown fields per mode:
   * Strict → a cause `unknown field "spec.foo"`; Warn → a warning; Ignore → silent.
   * Unknown fields are always pruned from `obj` (in place) unless the schema preserves them.
   */
  validate(resource: ResourceInfo, obj: Record<string, unknown>, mode: FieldValidation): ValidationResult;

  /** Swagger 2.0 document for /openapi/v2 */
  openapiV2(): object;
  /** the same document as gnostic protobuf: kubectl 1.27/1.28 read /openapi/v2 only in this form */
  openapiV2Protobuf?(): Uint8Array;
  /** { paths: { "api/v1": {serverRelativeURL}, "apis/apps/v1": ... } } for /openapi/v3 */
  openapiV3Index(): object;
  /** OpenAPI 3.0 document for /openapi/v3/<gvPath>, e.g. "apis/apps/v1"; undefined if none */
  openapiV3(gvPath: string): object | undefined;

  /** Served versions of a CRD: its openAPIV3Schema becomes the kind's schema. */
  registerCustomResource(resource: ResourceInfo, openAPIV3Schema: object): void;
  unregisterCustomResource(resource: ResourceInfo): void;
}
