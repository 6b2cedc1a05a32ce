// Small helpers for in-place defaulting of plain JSON objects.

export type Obj = Record<string, any>;

/** Sets obj[key] = value when the key is missing (undefined or null), as a nil pointer is defaulted upstream. */
export function setIfMissing(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

/** Sets obj[key] when missing or the empty string, as an empty Go string field is defaulted upstream. */
export function setIfEmpty(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null || obj[key] === '') obj[key] = value;
}

/** The child object at obj[key], created when missing. */
export function child(obj: Obj, key: string): Obj {
  if (typeof obj[key] !== 'object' || obj[key] === null || Array.isArray(obj[key])) obj[key] = {};
  return obj[key];
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
