// Contract of per-kind defaulting and semantic validation (what upstream's registry strategies do
// beyond the OpenAPI schema).
import type { StatusCause } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';

export interface KindStrategy {
  /** Fills upstream defaults in place (e.g. Pod restartPolicy, Deployment strategy). */
  applyDefaults(resource: ResourceInfo, obj: Record<string, any>): void;
  /**
   * Semantic validation beyond types: names (DNS-1123), selector/template match, immutable fields
   * on update (`old` given), ranges. Returns causes in upstream form (field + message).
   */
  validate(resource: ResourceInfo, obj: Record<string, any>, old?: Record<string, any>): StatusCause[];
  /** Resets what a write to the main resource may not change (status) or to status (spec), as upstream's PrepareForUpdate. */
  prepareForCreate(resource: ResourceInfo, obj: Record<string, any>): void;
  prepareForUpdate(resource: ResourceInfo, obj: Record<string, any>, old: Record<string, any>, subresource?: string): void;
}
