// Table printers for as=Table responses (server-side printing, as `kubectl get` expects).
import { KindTablePrinter, type CustomColumnsLookup } from './table-printer';
import type { TablePrinter } from './types';

export { customColumns, type AdditionalPrinterColumn } from './custom';
export { humanDuration } from './duration';
export { KindTablePrinter, type CustomColumnsLookup } from './table-printer';

export const createTablePrinter = (customColumnsFor?: CustomColumnsLookup): TablePrinter => new KindTablePrinter(customColumnsFor);
