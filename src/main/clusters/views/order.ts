// The order of a view: by one column (numbers and dates compared as such, text naturally), then
// namespace, name and uid, so the order is total and a row can be found again by binary search.
import type { ViewColumn, ViewSpec } from '../../../shared/bridge/types';
import type { CacheRow } from '../cache/rows';

export type Compare = (a: CacheRow, b: CacheRow) => number;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** compares digit runs as numbers ("pod-9" < "pod-10"), letters case-insensitively first; fast enough to sort 50,000 rows */
const digitsEnd = (s: string, i: number): number => {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
};

const natural = (a: string, b: string): number => {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const ei = digitsEnd(a, i);
      const ej = digitsEnd(b, j);
      const x = a.slice(i, ei).replace(/^0+/, '');
      const y = b.slice(j, ej).replace(/^0+/, '');
      if (x.length !== y.length) return x.length - y.length;
      if (x !== y) return x < y ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return fold(ca) - fold(cb) || ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
};

const text = (a: string, b: string): number => (a === b ? 0 : natural(a, b) || (a < b ? -1 : 1));

const identity: Compare = (a, b) => text(a.namespace ?? '', b.namespace ?? '') || text(a.name, b.name) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);

type Cell = string | number | boolean | null | undefined;

const numberOf = (v: Cell): number => (typeof v === 'number' ? v : typeof v === 'string' ? parseFloat(v) : v === true ? 1 : v === false ? 0 : NaN);

const cellCompare = (type: string): ((a: Cell, b: Cell) => number) => {
  if (type === 'integer' || type === 'number' || type === 'boolean') {
    return (a, b) => {
      const x = numberOf(a);
      const y = numberOf(b);
      // empty cells sort last
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
      return x - y;
    };
  }
  // dates are ISO timestamps: their text order is their time order
  if (type === 'date') return (a, b) => (a === b ? 0 : a == null ? 1 : b == null ? -1 : String(a) < String(b) ? -1 : 1);
  return (a, b) => (a == null ? (b == null ? 0 : 1) : b == null ? -1 : text(String(a), String(b)));
};

export const compareFor = (sort: ViewSpec['sort'], columns: ViewColumn[]): Compare => {
  const name = sort?.column.toLowerCase();
  if (!name) return identity;
  const dir = sort!.descending ? -1 : 1;
  if (name === 'namespace' && !columns.some((c) => c.name.toLowerCase() === 'namespace')) return (a, b) => dir * text(a.namespace ?? '', b.namespace ?? '') || identity(a, b);
  const i = columns.findIndex((c) => c.name.toLowerCase() === name);
  if (i < 0) return identity;
  const cmp = cellCompare(columns[i].type);
  return (a, b) => dir * cmp(a.cells[i], b.cells[i]) || identity(a, b);
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
