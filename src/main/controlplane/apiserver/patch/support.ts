// Which patch types a resource accepts. Custom resources have no Go struct tags to merge by, so
// upstream refuses strategic merge patch for them with 415 and lists what it does accept.
import { StatusError } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

export const patchTypesOf = (resource: Pick<ResourceInfo, 'custom'>): string[] =>
  resource.custom ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH] : [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];

/** Throws the upstream 415 when `contentType` is not a patch type `resource` accepts. */
export function assertPatchTypeSupported(resource: Pick<ResourceInfo, 'custom'>, contentType: string): void {
  const accepted = patchTypesOf(resource);
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (accepted.includes(type)) return;
  throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

/** Throws the upstream 415 when `resource` is a custom resource (no strategic merge patch). */
export const assertStrategicMergeSupported = (resource: Pick<ResourceInfo, 'custom'>): void =>
  assertPatchTypeSupported(resource, STRATEGIC_MERGE_PATCH);
