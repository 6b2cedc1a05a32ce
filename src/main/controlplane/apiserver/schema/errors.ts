// The Status errors a failed validation becomes, worded as the real API server words them, so kubectl
// prints e.g. `Error from server (BadRequest): error when creating "x.yaml": Deployment in version "v1"
// cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"`.
import { badRequest, invalid, type StatusCause, type StatusError } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';
import { REASON_TYPE, REASON_UNKNOWN_FIELD } from './causes';

const cannotBeHandled = (kind: string, version: string): string => `${kind} in version "${version}" cannot be handled as a ${kind}`;

/** 400 for fieldValidation=Strict: `… strict decoding error: unknown field "spec.foo", unknown field "spec.bar"` */
export const strictDecodingError = (kind: string, version: string, unknownFields: string[]): StatusError =>
  badRequest(`${cannotBeHandled(kind, version)}: strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`);

/** 400 for a value of the wrong JSON type in a built-in kind: `… json: cannot unmarshal string into Go struct field …` */
export const unmarshalError = (kind: string, version: string, goMessage: string): StatusError =>
  badRequest(`${cannotBeHandled(kind, version)}: ${goMessage}`);

/**
 * The one error for a failed SchemaService.validate, in the order upstream hits them: for built-in
 * kinds decoding (type errors, then strict unknown fields) precedes validation (422 Invalid);
 * custom resources decode into unstructured, so their type errors are 422 causes too.
 * Returns undefined when there is nothing to report.
 */
export function validationError(resource: ResourceInfo, name: string, causes: StatusCause[]): StatusError | undefined {
  if (!causes.length) return undefined;
  if (!resource.custom) {
    const typeError = causes.find((c) => c.reason === REASON_TYPE);
    if (typeError) return unmarshalError(resource.kind, resource.version, typeError.message ?? '');
  }
  const unknown = causes.filter((c) => c.reason === REASON_UNKNOWN_FIELD);
  if (unknown.length) return strictDecodingError(resource.kind, resource.version, unknown.map((c) => c.field ?? ''));
  return invalid(resource.kind, resource.group, name, causes);
}
