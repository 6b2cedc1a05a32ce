// Prefix ranges as half-open key intervals, so both SQLite (an index range on `key`) and the
// in-memory sorted keys can answer them. Keys are compared as JS strings; Kubernetes keys are
// ASCII, where that order equals SQLite's byte order.

/** The smallest key greater than every key starting with `prefix`; undefined = no upper bound. */
export function prefixEnd(prefix: string): string | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) return prefix.slice(0, i) + String.fromCharCode(code + 1);
  }
  return undefined;
}

/** An upper bound for SQL, where "no bound" must still be a string. */
export const NO_UPPER_BOUND = '\u{10FFFF}';

export function validateKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) throw new TypeError('store key must be a non-empty string');
}

export function validateValue(value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError('store value must be a string');
}
