// Building blocks shared by the per-kind printers: column definitions and the cell formats upstream
// reuses everywhere (label selectors, container lists, "<none>"). Column types follow upstream's
// declarations, which call many integer cells "string".
import type { TableColumnDefinition } from './types';

export type Obj = Record<string, any>;

/** One kind's printer: its columns and how one object becomes one row (all columns, wide included). */
export interface KindPrinter {
  columns: TableColumnDefinition[];
  cells(obj: Obj, now: Date): unknown[];
}

type ColType = TableColumnDefinition['type'];

export const col = (name: string, type: ColType, description: string, priority = 0, format = ''): TableColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});

const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const AGE_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export const nameColumn = (priority = 0): TableColumnDefinition => col('Name', 'string', NAME_DOC, priority, 'name');
export const ageColumn = (): TableColumnDefinition => col('Age', 'string', AGE_DOC);
export const createdAtColumn = (): TableColumnDefinition => col('Created At', 'date', AGE_DOC);

export const containersColumn = (priority = 1): TableColumnDefinition => col('Containers', 'string', 'Names of each container in the template.', priority);
export const imagesColumn = (priority = 1): TableColumnDefinition => col('Images', 'string', 'Images referenced by each container in the template.', priority);
export const selectorColumn = (priority = 1): TableColumnDefinition => col('Selector', 'string', 'A label query over pods that should match the replica count.', priority);

export const nameOf = (obj: Obj): string => obj?.metadata?.name ?? '';
export const createdOf = (obj: Obj): unknown => obj?.metadata?.creationTimestamp;

/** upstream labels.FormatLabels: sorted k=v pairs, "<none>" when empty */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

function requirementString(req: { key: string; operator: string; values?: string[] }): string {
  const values = [...(req.values ?? [])].sort();
  switch (req.operator) {
    case 'Equals':
      return `${req.key}=${values[0] ?? ''}`;
    case 'In':
      return `${req.key} in (${values.join(',')})`;
    case 'NotIn':
      return `${req.key} notin (${values.join(',')})`;
    case 'DoesNotExist':
      return `!${req.key}`;
    default:
      return req.key;
  }
}

/** upstream LabelSelectorAsSelector(...).String(): matchLabels as k=v, expressions as "k in (a,b)", sorted by key */
export function selectorString(selector: Obj | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; operator: string; values?: string[] }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, operator: 'Equals', values: [String(value)] });
  for (const e of selector.matchExpressions ?? []) reqs.push({ key: e.key, operator: e.operator, values: e.values });
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map(requirementString).join(',');
}

/** upstream metav1.FormatLabelSelector: "<none>" when it selects everything or nothing */
export const formatLabelSelector = (selector: Obj | undefined | null): string => selectorString(selector) || '<none>';

/** upstream layoutContainerCells: container names and images, comma-joined */
export function containerCells(containers: Obj[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

/** "a,b,c + 2 more..." as upstream's list printers shorten long lists; `empty` when nothing is listed */
export function listWithMore(list: string[], total: number, max: number, empty: string): string {
  const shown = list.slice(0, max).join(',');
  if (total > max) return `${shown} + ${total - max} more...`;
  return shown === '' ? empty : shown;
}

export const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

/** intstr.IntOrString as upstream prints it */
export const intOrString = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export const boolPtr = (v: unknown): string => (v === undefined || v === null ? '<unset>' : v ? 'True' : 'False');
