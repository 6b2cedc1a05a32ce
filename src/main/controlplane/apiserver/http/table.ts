// Conversion of get/list/watch answers to meta.k8s.io Tables, which is how kubectl get asks for
// its columns. The columns and cells come from the TablePrinter; this only shapes the Table.
import { badRequest } from '../../../../shared/k8s/status';
import type { TablePrinter } from '../printers/types';
import type { ResourceInfo } from '../resources/types';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export const includeObjectOf = (query: URLSearchParams): IncludeObject => {
  const v = query.get('includeObject') ?? 'Metadata';
  if (v === '' ) return 'Metadata';
  if (v !== 'None' && v !== 'Metadata' && v !== 'Object') throw badRequest(`includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`);
  return v;
};

export interface TableOptions {
  printer: TablePrinter;
  resource: ResourceInfo;
  tableVersion: 'v1' | 'v1beta1';
  include: IncludeObject;
  now: Date;
  /** only the first watch event needs the column definitions (kubectl prints headers once) */
  noHeaders?: boolean;
}

const partial = (obj: Record<string, any>, apiVersion: string): Record<string, any> => ({
  kind: 'PartialObjectMetadata',
  apiVersion,
  metadata: obj.metadata ?? {},
});

const rowOf = (o: TableOptions, obj: Record<string, any>): Record<string, any> => {
  const row: Record<string, any> = { cells: o.printer.cells(o.resource, obj, o.now) };
  if (o.include === 'Metadata') row.object = partial(obj, `meta.k8s.io/${o.tableVersion}`);
  else if (o.include === 'Object') row.object = obj;
  return row;
};

const table = (o: TableOptions, metadata: Record<string, any>, items: Record<string, any>[]): Record<string, any> => ({
  kind: 'Table',
  apiVersion: `meta.k8s.io/${o.tableVersion}`,
  metadata,
  columnDefinitions: o.noHeaders ? [] : o.printer.columns(o.resource),
  rows: items.map((i) => rowOf(o, i)),
});

export const listToTable = (o: TableOptions, list: Record<string, any>): Record<string, any> => {
  const m = list.metadata ?? {};
  const metadata: Record<string, any> = {};
  for (const k of ['resourceVersion', 'continue', 'remainingItemCount']) if (m[k] !== undefined && m[k] !== '') metadata[k] = m[k];
  return table(o, metadata, list.items ?? []);
};

export const objectToTable = (o: TableOptions, obj: Record<string, any>): Record<string, any> => {
  const rv = obj.metadata?.resourceVersion;
  return table(o, rv ? { resourceVersion: rv } : {}, [obj]);
};
