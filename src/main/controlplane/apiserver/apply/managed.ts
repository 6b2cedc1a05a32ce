// metadata.managedFields in and out. Entries are keyed as upstream keys them: an Update entry by
// manager + apiVersion + subresource, an Apply entry by manager + subresource (an applier keeps one
// entry whatever version it applies with).
import { FieldSet } from './fieldset';
import type { ManagedFieldsEntry } from './types';

export interface Manager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
}

export type Managed = Map<string, Manager>;

export const managerId = (m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string =>
  JSON.stringify([m.manager, m.operation, m.operation === 'Apply' ? '' : m.apiVersion, m.subresource ?? '']);

export const decodeManaged = (entries: unknown): Managed => {
  const out: Managed = new Map();
  if (!Array.isArray(entries)) return out;
  for (const e of entries as Partial<ManagedFieldsEntry>[]) {
    if (!e || typeof e !== 'object') continue;
    const m: Manager = {
      manager: e.manager ?? '',
      operation: e.operation === 'Apply' ? 'Apply' : 'Update',
      apiVersion: e.apiVersion ?? '',
      subresource: e.subresource || undefined,
      time: e.time,
      set: FieldSet.fromFieldsV1(e.fieldsV1),
    };
    const id = managerId(m);
    const prev = out.get(id);
    out.set(id, prev ? { ...prev, set: prev.set.union(m.set) } : m);
  }
  return out;
};

/** `managedFields: []` or `[{}]` is how a user asks to drop all managed fields. */
export const isResetRequest = (entries: unknown): boolean =>
  Array.isArray(entries) &&
  (entries.length === 0 ||
    (entries.length === 1 &&
      !!entries[0] &&
      typeof entries[0] === 'object' &&
      Object.values(entries[0] as object).every((v) => v === undefined || v === null || v === '')));

const timeOf = (m: Manager): number => (m.time ? Math.floor(Date.parse(m.time) / 1000) || 0 : 0);

const byUpstreamOrder = (a: Manager, b: Manager): number => {
  const str = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return (
    str(a.operation, b.operation) ||
    timeOf(a) - timeOf(b) ||
    str(a.manager, b.manager) ||
    str(a.apiVersion, b.apiVersion) ||
    str(a.subresource ?? '', b.subresource ?? '')
  );
};

export const encodeManaged = (managed: Managed): ManagedFieldsEntry[] =>
  [...managed.values()]
    .filter((m) => !m.set.empty())
    .sort(byUpstreamOrder)
    .map((m) => {
      const entry: ManagedFieldsEntry = {
        manager: m.manager,
        operation: m.operation,
        apiVersion: m.apiVersion,
        time: m.time ?? '',
        fieldsType: 'FieldsV1',
        fieldsV1: m.set.toFieldsV1(),
      };
      if (!m.time) delete (entry as Partial<ManagedFieldsEntry>).time;
      if (m.subresource) entry.subresource = m.subresource;
      return entry;
    });

/** Returns a copy of the object with managedFields set (or removed when there are none). */
export const withManagedFields = (obj: Record<string, any>, managed: Managed): Record<string, any> => {
  const entries = encodeManaged(managed);
  const metadata = { ...(obj.metadata ?? {}) };
  if (entries.length > 0) metadata.managedFields = entries;
  else delete metadata.managedFields;
  return { ...obj, metadata };
};

export const withoutManagedFields = <T extends Record<string, any> | undefined>(obj: T): T => {
  if (!obj || !obj.metadata || !('managedFields' in obj.metadata)) return obj;
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return { ...obj, metadata };
};
