// RFC 7386 JSON Merge Patch (application/merge-patch+json): objects merge key by key, null deletes,
// anything else (lists included) replaces.
type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the patched value; `target` is left untouched. */
export function applyMergePatch(target: Json, patch: Json): any {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}
