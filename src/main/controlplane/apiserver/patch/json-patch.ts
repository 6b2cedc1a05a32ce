// RFC 6902 JSON Patch (application/json-patch+json), with upstream's errors: a body that is not a
// patch is a 400; an operation that does not apply (a failed `test`, a missing path) is a 422
// "the server rejected our request due to an error in our request" carrying the json-patch reason.
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { badRequest, StatusError } from '../../../../shared/k8s/status';

const rejected = (why: string): StatusError =>
  new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: why }],
  });

function explain(err: { name: string; operation?: any }): string {
  const op = err.operation ?? {};
  switch (err.name) {
    case 'TEST_OPERATION_FAILED':
      return `testing value ${op.path} failed: test failed`;
    case 'OPERATION_PATH_UNRESOLVABLE':
    case 'OPERATION_PATH_CANNOT_ADD':
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return op.op === 'replace'
        ? `replace operation does not apply: doc is missing key: ${op.path}: missing value`
        : `${op.op} operation does not apply: doc is missing path: "${op.path}": missing value`;
    case 'OPERATION_FROM_UNRESOLVABLE':
      return `${op.op} operation does not apply: doc is missing from path: ${op.from}: missing value`;
    case 'OPERATION_OP_INVALID':
      return `Unexpected kind: ${op.op}`;
    default:
      return `${op.op ?? 'patch'} operation does not apply: ${String((err as Error).message).split('\n')[0]}`;
  }
}

/** Returns a patched copy of `obj`; `obj` is left untouched. */
export function applyJsonPatch<T extends object>(obj: T, ops: unknown): T {
  if (!Array.isArray(ops)) throw badRequest(`json: cannot unmarshal ${ops === null ? 'null' : typeof ops} into Go value of type jsonpatch.Patch`);
  for (const op of ops) {
    if (!op || typeof op !== 'object' || typeof (op as Operation).op !== 'string') {
      throw badRequest('json: cannot unmarshal non-object into Go value of type jsonpatch.Operation');
    }
  }
  try {
    return fastJsonPatch.applyPatch(structuredClone(obj), ops as Operation[], true, true).newDocument;
  } catch (err) {
    if (err instanceof fastJsonPatch.JsonPatchError) throw rejected(explain(err));
    throw err;
  }
}
