// Columns for custom resources, from a CRD version's additionalPrinterColumns, evaluated the way the
// apiextensions table convertor does: the first JSONPath match, converted to the column's type.
import { JSONPath } from 'jsonpath-plus';
import { nameColumn, type KindPrinter, type Obj } from './columns';
import { humanDuration } from './duration';
import type { TableColumnDefinition } from './types';

/** apiextensions.k8s.io/v1 CustomResourceColumnDefinition */
export interface AdditionalPrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

/** A CRD with no printer columns still shows AGE, as upstream defaults it. */
export const DEFAULT_CUSTOM_COLUMNS: AdditionalPrinterColumn[] = [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }];

/** ".spec.replicas" or "{.spec.replicas}" → "$.spec.replicas" */
function toJsonPathPlus(path: string): string {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1);
  if (p.startsWith('$')) return p;
  return p.startsWith('.') || p.startsWith('[') ? `$${p}` : `$.${p}`;
}

function firstMatch(obj: Obj, path: string): unknown {
  try {
    const results = JSONPath({ path: toJsonPathPlus(path), json: obj, wrap: true }) as unknown[];
    return results.length > 0 ? results[0] : undefined;
  } catch {
    return undefined;
  }
}

function dateCell(value: unknown, now: Date): unknown {
  if (typeof value !== 'string') return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return '<invalid>';
  return humanDuration(now.getTime() - t);
}

function stringCell(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function cellFor(type: string, value: unknown, now: Date): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return dateCell(value, now);
    default:
      return stringCell(value);
  }
}

const VALID_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'date']);

export function customColumns(columns: AdditionalPrinterColumn[]): KindPrinter {
  const defs: TableColumnDefinition[] = [
    nameColumn(),
    ...columns.map((c) => ({
      name: c.name,
      type: (VALID_TYPES.has(c.type) ? c.type : 'string') as TableColumnDefinition['type'],
      format: c.format ?? '',
      description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      priority: c.priority ?? 0,
    })),
  ];
  return {
    columns: defs,
    cells: (obj, now) => [obj.metadata?.name ?? '', ...columns.map((c) => cellFor(c.type, firstMatch(obj, c.jsonPath), now))],
  };
}
