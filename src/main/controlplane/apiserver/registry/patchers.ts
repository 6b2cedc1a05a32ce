// Applies json / merge / strategic patch documents. Until the shared patch module (apiserver/patch)
// lands this uses fast-json-patch and RFC 7386; strategic falls back to a merge patch.
import jsonPatch, { type Operation } from 'fast-json-patch';
import { StatusError } from '../../../../shared/k8s/status';
import type { SchemaNode } from '../schema/types';
import type { Obj } from './json';

export type DocPatchType = 'json' | 'merge' | 'strategic';

const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Obj) } : {};
  for (const [k, v] of Object.entries(patch as Obj)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
};

export const applyPatchDocument = (type: DocPatchType, current: Obj, patch: unknown, _schema: SchemaNode | undefined): Obj => {
  try {
    if (type === 'json') {
      if (!Array.isArray(patch)) throw new Error('json patch must be an array of operations');
      return jsonPatch.applyPatch(current, patch as Operation[], true, false).newDocument as Obj;
    }
    const out = mergePatch(current, patch);
    if (out === null || typeof out !== 'object' || Array.isArray(out)) throw new Error('patch must be a JSON object');
    return out as Obj;
  } catch (err) {
    if (err instanceof StatusError) throw err;
    throw new StatusError(422, 'Invalid', `the server rejected our request due to an error in our request: ${(err as Error).message}`);
  }
};
