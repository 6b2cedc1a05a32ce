// The status the CRD controller maintains: NamesAccepted and Established conditions,
// acceptedNames and storedVersions, as upstream's naming and establishing controllers set them.
import { acceptedNamesOf, versionsOf } from './resource-info';

type Obj = Record<string, any>;

export interface CrdStatusInput {
  /** undefined when the names are free; otherwise why not */
  conflict?: string;
}

const condition = (type: string, status: 'True' | 'False', reason: string, message: string, previous: Obj[] | undefined, now: string): Obj => {
  const prev = previous?.find((c) => c.type === type);
  const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime : now;
  return { type, status, lastTransitionTime, reason, message };
};

export const desiredStatus = (crd: Obj, input: CrdStatusInput, now: string): Obj => {
  const old = crd.status ?? {};
  const prev: Obj[] | undefined = old.conditions;
  const storage = versionsOf(crd).find((v) => v.storage)?.name;
  const storedVersions = [...new Set([...(old.storedVersions ?? []), ...(storage ? [storage] : [])])];
  if (input.conflict) {
    return {
      ...old,
      conditions: [
        condition('NamesAccepted', 'False', 'ConflictingNames', input.conflict, prev, now),
        condition('Established', 'False', 'NotAccepted', 'not all names are accepted', prev, now),
      ],
      acceptedNames: old.acceptedNames ?? { plural: '', kind: '' },
      storedVersions,
    };
  }
  return {
    ...old,
    conditions: [
      condition('NamesAccepted', 'True', 'NoConflicts', 'no conflicts found', prev, now),
      condition('Established', 'True', 'InitialNamesAccepted', 'the initial names have been accepted', prev, now),
    ],
    acceptedNames: acceptedNamesOf(crd),
    storedVersions,
  };
};

export const sameStatus = (a: Obj | undefined, b: Obj): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b);
