// additionalPrinterColumns of the served custom resources, for the Table printer. The same array
// instance is returned while a CRD is unchanged, so the printer can cache what it builds from it.
import type { ResourceInfo } from '../resources/types';
import type { PrinterColumn } from './resource-info';

const keyOf = (r: Pick<ResourceInfo, 'group' | 'version' | 'plural'>): string => `${r.group}/${r.version}/${r.plural}`;

export class CustomPrinterColumns {
  private readonly byResource = new Map<string, { json: string; columns: PrinterColumn[] }>();

  /** the CRD's declared columns; undefined when the CRD declares none (the printer shows its default) */
  printerColumnsFor(resource: Pick<ResourceInfo, 'group' | 'version' | 'plural'>): PrinterColumn[] | undefined {
    return this.byResource.get(keyOf(resource))?.columns;
  }

  set(resource: ResourceInfo, columns: PrinterColumn[] | undefined): void {
    if (!columns?.length) {
      this.byResource.delete(keyOf(resource));
      return;
    }
    const json = JSON.stringify(columns);
    if (this.byResource.get(keyOf(resource))?.json === json) return;
    this.byResource.set(keyOf(resource), { json, columns: structuredClone(columns) });
  }

  delete(resource: ResourceInfo): void {
    this.byResource.delete(keyOf(resource));
  }
}
