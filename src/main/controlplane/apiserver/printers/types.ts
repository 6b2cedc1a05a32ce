// Contract of the Table printers (as=Table): the same columns kubectl shows against a real cluster.
import type { ResourceInfo } from '../resources/types';

export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  /** 0 = default columns; >0 = only with -o wide */
  priority: number;
}

export interface TablePrinter {
  columns(resource: ResourceInfo): TableColumnDefinition[];
  /** one row of cells, in column order, for one object */
  cells(resource: ResourceInfo, obj: Record<string, any>, now: Date): unknown[];
}
