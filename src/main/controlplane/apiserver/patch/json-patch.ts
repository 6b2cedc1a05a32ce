// RFC 6902 JSON Patch (application/json-patch+json), with upstream's errors: a body that is not a
// patch is a 400; an operation that does not apply (a failed `test`, a missing path) is a 422.
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { badRequest, StatusError } from '../../../../shared/k8s/status';

// Upstream wraps the json-patch failure in a generic 422 whose details carry no cause, so this is
// all kubectl shows: "The request is invalid: the server rejected our request due to an error in our request".
const rejected = (): StatusError =>
  new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {});

/** Returns a patched copy of `obj`; `obj` is left untouched. */
export function applyJsonPatch<T extends object>(obj: T, ops: unknown): T {
  if (!Array.isArray(ops)) throw badRequest(`json: cannot unmarshal ${ops === null ? 'null' : typeof ops === 'boolean' ? 'bool' : typeof ops} into Go value of type jsonpatch.Patch`);
  for (const op of ops) {
    if (!op || typeof op !== 'object' || typeof (op as Operation).op !== 'string') {
      throw badRequest('json: cannot unmarshal non-object into Go value of type jsonpatch.Operation');
    }
  }
  try {
    return fastJsonPatch.applyPatch(structuredClone(obj), ops as Operation[], true, true).newDocument;
  } catch (err) {
    if (err instanceof fastJsonPatch.JsonPatchError) throw rejected();
    throw err;
  }
}
