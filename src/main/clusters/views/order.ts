// The order of a view: by one column (numbers and dates compared as such, text naturally), then
// namespace, name and uid, so the order is total and a row can be found again by binary search.
import type { ViewColumn, ViewSpec } from '../../../shared/bridge/types';
import type { CacheRow } from '../cache/rows';

export type Compare = (a: CacheRow, b: CacheRow) => number;

/**
 * Natural order ("pod-9" < "pod-10", case folded) through a key per text, built once per row and
 * compared with plain string comparison: sorting 50,000 rows then costs what a string sort costs.
 */
export const naturalKey = (s: string): string => s.toLowerCase().replace(/\d+/g, (d) => (d.length >= 16 ? d : d.padStart(16, '0')));

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const nameKey = (r: CacheRow): string => (r.nameKey ??= naturalKey(r.name));
// namespaces are few: one key string each, shared by their rows
const nsKeys = new Map<string, string>();
const nsKeyOf = (ns: string): string => {
  let k = nsKeys.get(ns);
  if (k === undefined) nsKeys.set(ns, (k = naturalKey(ns)));
  return k;
};
const nsKey = (r: CacheRow): string => (r.nsKey ??= nsKeyOf(r.namespace ?? ''));
const cellKey = (r: CacheRow, i: number): string | undefined => {
  const keys = (r.cellKeys ??= []);
  const v = r.cells[i];
  return (keys[i] ??= v === null || v === undefined ? undefined : naturalKey(String(v)));
};

const identity: Compare = (a, b) => byKey(nsKey(a), nsKey(b)) || byKey(nameKey(a), nameKey(b)) || byKey(a.name, b.name) || byKey(a.uid, b.uid);

type Cell = string | number | boolean | null | undefined;

const numberOf = (v: Cell): number => (typeof v === 'number' ? v : typeof v === 'string' ? parseFloat(v) : v === true ? 1 : v === false ? 0 : NaN);

const numeric = (i: number): Compare => (a, b) => {
  const x = numberOf(a.cells[i]);
  const y = numberOf(b.cells[i]);
  // empty cells sort last
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  return x - y;
};

// dates are ISO timestamps: their text order is their time order
const date = (i: number): Compare => (a, b) => {
  const x = a.cells[i];
  const y = b.cells[i];
  return x === y ? 0 : x == null ? 1 : y == null ? -1 : String(x) < String(y) ? -1 : 1;
};

const textual = (i: number): Compare => (a, b) => {
  const x = cellKey(a, i);
  const y = cellKey(b, i);
  return x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1;
};

const cellCompare = (type: string, i: number): Compare =>
  type === 'integer' || type === 'number' || type === 'boolean' ? numeric(i) : type === 'date' ? date(i) : textual(i);

export const compareFor = (sort: ViewSpec['sort'], columns: ViewColumn[]): Compare => {
  const name = sort?.column.toLowerCase();
  if (!name) return identity;
  const dir = sort!.descending ? -1 : 1;
  if (name === 'namespace' && !columns.some((c) => c.name.toLowerCase() === 'namespace')) return (a, b) => dir * byKey(nsKey(a), nsKey(b)) || identity(a, b);
  if (name === 'name') return (a, b) => dir * (byKey(nameKey(a), nameKey(b)) || byKey(a.name, b.name)) || identity(a, b);
  const i = columns.findIndex((c) => c.name.toLowerCase() === name);
  if (i < 0) return identity;
  const cmp = cellCompare(columns[i].type, i);
  return (a, b) => dir * cmp(a, b) || identity(a, b);
};

/** index of the first element not less than row */
export const lowerBound = (rows: CacheRow[], row: CacheRow, cmp: Compare): number => {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(rows[mid], row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** merges a sorted batch into a sorted array in one pass */
export const mergeSorted = (a: CacheRow[], b: CacheRow[], cmp: Compare): CacheRow[] => {
  const out = new Array<CacheRow>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
};
