// Applies json / merge / strategic patch documents with the shared patch module; each returns a new object.
import { applyJsonPatch } from '../patch/json-patch';
import { applyMergePatch } from '../patch/merge-patch';
import { applyStrategicMergePatch } from '../patch/strategic';
import { assertStrategicMergeSupported } from '../patch/support';
import { badRequest } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';
import type { SchemaNode } from '../schema/types';
import type { Obj } from './json';

export type DocPatchType = 'json' | 'merge' | 'strategic';

/** custom resources have no merge keys: strategic merge patch is a 415 for them, as upstream */
export const checkPatchType = (resource: ResourceInfo, type: string): void => {
  if (type === 'strategic') assertStrategicMergeSupported(resource);
};

export const applyPatchDocument = (type: DocPatchType, current: Obj, patch: unknown, schema: SchemaNode | undefined): Obj => {
  let out: unknown;
  if (type === 'json') out = applyJsonPatch(current, patch);
  else if (type === 'merge') out = applyMergePatch(current, patch);
  else out = applyStrategicMergePatch(current, patch, schema);
  if (out === null || typeof out !== 'object' || Array.isArray(out)) throw badRequest('the patched object is not a JSON object');
  return out as Obj;
};
