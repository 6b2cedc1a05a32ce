// Which fields a request may own. The main resource never owns status and a status request owns
// only status (upstream's reset fields); server-set metadata and apiVersion/kind are never listed
// (upstream's strip set, which removes these exact paths but not what lies below them).
import { FieldSet } from './fieldset';
import { fieldPE } from './pathelement';
import { isObject } from './shape';

export const stripped = FieldSet.fromPaths([
  ['f:apiVersion'],
  ['f:kind'],
  ['f:metadata'],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => [
    'f:metadata',
    fieldPE(f),
  ]),
]);

/** Metadata the server keeps, whatever a configuration says. */
const serverMetadata = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink'];

export interface Scope {
  /** whether a top-level field belongs to this request's (sub)resource */
  tracks(field: string): boolean;
  /** drops what the request may not own */
  filter(set: FieldSet): FieldSet;
  /** puts back, from live, what the request may not change */
  restore(merged: Record<string, any>, live: Record<string, any> | undefined): Record<string, any>;
}

export const scopeFor = (subresource: string | undefined): Scope => {
  const tracks = subresource === 'status' ? (f: string) => f === 'status' : (f: string) => f !== 'status';
  return {
    tracks,
    filter(set) {
      const out = new FieldSet();
      for (const m of set.members) if (tracks(m.slice(2))) out.members.add(m);
      for (const [pe, c] of set.children) if (tracks(pe.slice(2))) out.children.set(pe, c.clone());
      return out.difference(stripped);
    },
    restore(merged, live) {
      if (!live) return merged;
      const out: Record<string, any> = {};
      for (const key of new Set([...Object.keys(merged), ...Object.keys(live)])) {
        const v = tracks(key) ? merged[key] : live[key];
        if (v !== undefined) out[key] = v;
      }
      if (isObject(live.metadata)) out.metadata = restoreMetadata(isObject(out.metadata) ? out.metadata : {}, live.metadata);
      return out;
    },
  };
};

const restoreMetadata = (merged: Record<string, unknown>, live: Record<string, unknown>): Record<string, unknown> => {
  const out = { ...merged };
  for (const key of serverMetadata) {
    if (live[key] !== undefined) out[key] = live[key];
    else delete out[key];
  }
  return out;
};
