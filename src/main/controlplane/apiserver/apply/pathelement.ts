// Path elements of structured-merge-diff, in their FieldsV1 spelling:
//   f:<field>   a field of a map or struct
//   k:<json>    an item of a map-list, by its key fields (sorted by name, as upstream does)
//   v:<json>    an item of a set
//   i:<index>   an item of a list that has no better identity
// Sets keep elements as these strings; this module turns them into comparable, printable values.

export type PathElement =
  | { kind: 'f'; name: string }
  | { kind: 'k'; key: [string, unknown][] }
  | { kind: 'v'; value: unknown }
  | { kind: 'i'; index: number };

const htmlUnsafe = /[<>&\u2028\u2029]/;

/** JSON as Go's encoding/json writes it: sorted object keys, HTML-safe escapes. */
export const goJson = (value: unknown): string => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${goJson(k)}:${goJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const json = JSON.stringify(value) ?? 'null';
  if (!htmlUnsafe.test(json)) return json;
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
};

export const fieldPE = (name: string): string => `f:${name}`;

export const keyPE = (key: [string, unknown][]): string => {
  const sorted = [...key].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `k:{${sorted.map(([k, v]) => `${goJson(k)}:${goJson(v)}`).join(',')}}`;
};

export const valuePE = (value: unknown): string => `v:${goJson(value)}`;

export const indexPE = (index: number): string => `i:${index}`;

const cache = new Map<string, PathElement>();

export const parsePE = (pe: string): PathElement => {
  const hit = cache.get(pe);
  if (hit) return hit;
  const parsed = parseUncached(pe);
  if (cache.size > 50_000) cache.clear();
  cache.set(pe, parsed);
  return parsed;
};

const parseUncached = (pe: string): PathElement => {
  const body = pe.slice(2);
  switch (pe.slice(0, 2)) {
    case 'f:':
      return { kind: 'f', name: body };
    case 'k:': {
      const obj = JSON.parse(body) as Record<string, unknown>;
      return { kind: 'k', key: Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
    }
    case 'v:':
      return { kind: 'v', value: JSON.parse(body) };
    case 'i:':
      return { kind: 'i', index: Number(body) };
    default:
      throw new Error(`invalid path element: ${pe}`);
  }
};

/** Re-spells a path element read from a stored FieldsV1 so that equal elements are equal strings. */
export const canonicalPE = (pe: string): string => {
  if (pe.startsWith('f:')) return pe;
  const p = parsePE(pe);
  switch (p.kind) {
    case 'k':
      return keyPE(p.key);
    case 'v':
      return valuePE(p.value);
    default:
      return pe;
  }
};

const kindRank = { f: 0, k: 1, v: 2, i: 3 } as const;

const cmp = (a: string | number | boolean, b: string | number | boolean): number => (a < b ? -1 : a > b ? 1 : 0);

/** Upstream's total order of values: numbers, strings, booleans, lists, maps, null. */
export const compareValues = (a: unknown, b: unknown): number => {
  const rank = (v: unknown): number =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : Array.isArray(v) ? 3 : v === null || v === undefined ? 5 : 4;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra <= 2) return cmp(a as string, b as string);
  if (ra === 3) return compareLists(a as unknown[], b as unknown[]);
  if (ra === 4) return compareFieldLists(Object.entries(a as object).sort(), Object.entries(b as object).sort());
  return 0;
};

const compareLists = (a: unknown[], b: unknown[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};

const compareFieldLists = (a: [string, unknown][], b: [string, unknown][]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i][0], b[i][0]) || compareValues(a[i][1], b[i][1]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};

/** Order of path elements in FieldsV1 and in conflict lists: fields, then keys, then values, then indexes. */
export const comparePE = (x: string, y: string): number => {
  if (x === y) return 0;
  if (x.startsWith('f:') && y.startsWith('f:')) return x < y ? -1 : 1;
  const a = parsePE(x);
  const b = parsePE(y);
  if (a.kind !== b.kind) return kindRank[a.kind] - kindRank[b.kind];
  if (a.kind === 'f' && b.kind === 'f') return cmp(a.name, b.name);
  if (a.kind === 'k' && b.kind === 'k') return compareFieldLists(a.key, b.key);
  if (a.kind === 'v' && b.kind === 'v') return compareValues(a.value, b.value);
  if (a.kind === 'i' && b.kind === 'i') return a.index - b.index;
  return 0;
};

/** Path as upstream prints it in conflicts: `.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"]`. */
export const pathToString = (path: string[]): string =>
  path
    .map((pe) => {
      const p = parsePE(pe);
      switch (p.kind) {
        case 'f':
          return `.${p.name}`;
        case 'k':
          return `[${p.key.map(([k, v]) => `${k}=${goJson(v)}`).join(',')}]`;
        case 'v':
          return `[=${goJson(p.value)}]`;
        case 'i':
          return `[${p.index}]`;
      }
    })
    .join('');
