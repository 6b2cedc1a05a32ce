// A write that changes nothing but managedFields times keeps the old times, so re-applying the same
// configuration does not bump resourceVersion (upstream's IgnoreManagedFieldsTimestampsTransformer,
// which REST storage runs again after its strategy has normalised the object).
import { isDeepStrictEqual } from 'node:util';
import type { ManagedFieldsEntry } from './types';

const withoutTime = ({ time: _time, ...rest }: ManagedFieldsEntry): Omit<ManagedFieldsEntry, 'time'> => rest;

const stripManaged = (obj: Record<string, any>): Record<string, any> => {
  const metadata = { ...(obj.metadata ?? {}) };
  delete metadata.managedFields;
  return { ...obj, metadata };
};

export const ignoreManagedFieldsTimestamps = (newObj: Record<string, any>, oldObj: Record<string, any> | undefined): Record<string, any> => {
  const before: ManagedFieldsEntry[] | undefined = oldObj?.metadata?.managedFields;
  const after: ManagedFieldsEntry[] | undefined = newObj.metadata?.managedFields;
  if (!oldObj || !before || !after || before.length !== after.length || after.length === 0) return newObj;
  if (after.every((e, i) => e.time === before[i].time)) return newObj;
  if (!after.every((e, i) => isDeepStrictEqual(withoutTime(e), withoutTime(before[i])))) return newObj;
  if (!isDeepStrictEqual(stripManaged(newObj), stripManaged(oldObj))) return newObj;
  return { ...newObj, metadata: { ...newObj.metadata, managedFields: after.map((e, i) => ({ ...e, time: before[i].time })) } };
};
