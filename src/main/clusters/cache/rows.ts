// What a cache keeps of each object: identity, labels and the printed cells, never the object.
// A Pod is ~3 KB on the wire; its row is ~200 B, which is what lets one engine hold 50,000 pods.
import type { ViewColumn } from '../../../shared/bridge/types';
import { healthOf, type Health } from './health';

export interface CacheRow {
  uid: string;
  namespace?: string;
  name: string;
  labels?: Record<string, string>;
  created?: string;
  resourceVersion: string;
  cells: (string | number | boolean | null)[];
  health?: Health;
  /** lower-cased name, namespace and cells for free-text filters, built on first use */
  searchText?: string;
  /** natural-order sort keys (see views/order.ts), built on first use */
  nameKey?: string;
  nsKey?: string;
  cellKeys?: (string | undefined)[];
}

/** Columns for servers (or kinds) that do not print Tables: what metadata alone gives. */
export const FALLBACK_COLUMNS: ViewColumn[] = [
  { name: 'Name', type: 'string', priority: 0 },
  { name: 'Namespace', type: 'string', priority: 0 },
  { name: 'Age', type: 'date', priority: 0 },
];

/** Age is printed as "5m" (type string); the engine sends the creation time instead, typed date */
export const columnsOf = (defs: any[] | undefined): ViewColumn[] =>
  (defs ?? []).map((d) => ({ name: String(d.name), type: d.name === 'Age' ? 'date' : String(d.type ?? 'string'), priority: Number(d.priority ?? 0), ...(d.description ? { description: String(d.description) } : {}) }));

export interface RowContext {
  plural: string;
  columns: ViewColumn[];
  /** index of the Age column, whose cell becomes the ISO creation time (the renderer shows ages) */
  ageIndex: number;
}

export const contextOf = (plural: string, columns: ViewColumn[]): RowContext => ({
  plural,
  columns,
  ageIndex: columns.findIndex((c) => c.type === 'date' && c.name === 'Age'),
});

/**
 * Short strings repeat across rows ("default", "Running", "1/1", "<none>", label values): each row
 * would otherwise hold its own copy from JSON.parse. Bounded, so unique values cannot grow it forever.
 */
const interned = new Map<string, string>();
const INTERN_MAX = 20_000;
const intern = (s: string): string => {
  if (s.length > 40) return s;
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size < INTERN_MAX) interned.set(s, s);
  return s;
};

const cellOf = (v: unknown): string | number | boolean | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'string' ? intern(v) : (v as number | boolean);

const labelsOf = (labels: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const k in labels) out[k] = intern(String(labels[k]));
  return out;
};

/** one literal shape for every row: V8 keeps the fields in-object (spreads would make it bigger) */
const base = (meta: Record<string, any>, cells: CacheRow['cells']): CacheRow => ({
  uid: String(meta.uid ?? `${meta.namespace ?? ''}/${meta.name}`),
  namespace: meta.namespace ? intern(String(meta.namespace)) : undefined,
  name: String(meta.name ?? ''),
  labels: meta.labels && Object.keys(meta.labels).length ? labelsOf(meta.labels) : undefined,
  created: meta.creationTimestamp ? String(meta.creationTimestamp) : undefined,
  resourceVersion: String(meta.resourceVersion ?? ''),
  cells,
  health: undefined,
  searchText: undefined,
  nameKey: undefined,
  nsKey: undefined,
  cellKeys: undefined,
});

/** one Table row (with its PartialObjectMetadata) → CacheRow */
export const rowFromTable = (ctx: RowContext, row: any): CacheRow => {
  const meta = row?.object?.metadata ?? {};
  const r = base(meta, (row.cells ?? []).map(cellOf));
  if (ctx.ageIndex >= 0 && r.created) r.cells[ctx.ageIndex] = r.created;
  if (r.cells[0] === r.name) r.cells[0] = r.name;
  const health = healthOf(ctx.plural, ctx.columns, r.cells);
  if (health) r.health = health;
  return r;
};

/** a plain object (server without Table support) → CacheRow with the fallback columns */
export const rowFromObject = (obj: any): CacheRow => {
  const meta = obj?.metadata ?? {};
  const r = base(meta, []);
  r.cells = [r.name, r.namespace ?? null, r.created ?? null];
  return r;
};

export const searchTextOf = (row: CacheRow): string =>
  (row.searchText ??= `${row.name}\u0000${row.namespace ?? ''}\u0000${row.cells.join('\u0000')}`.toLowerCase());
