// The live set of served resources: the built-ins plus whatever established CRDs add.
// Routing, discovery, openapi and the Table printers all read it; the CRD controller writes it.
import type { ResourceInfo } from './types';

type Listener = () => void;

export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceInfo>();
  private readonly listeners = new Set<Listener>();

  constructor(initial: ResourceInfo[]) {
    for (const r of initial) this.byPath.set(pathKey(r.group, r.version, r.plural), r);
  }

  all(): ResourceInfo[] {
    return [...this.byPath.values()];
  }

  /** by URL parts: group ('' for core), version, plural */
  lookup(group: string, version: string, plural: string): ResourceInfo | undefined {
    return this.byPath.get(pathKey(group, version, plural));
  }

  byKind(group: string, version: string, kind: string): ResourceInfo | undefined {
    for (const r of this.byPath.values()) if (r.group === group && r.version === version && r.kind === kind) return r;
    return undefined;
  }

  /** group versions served, each with its resources, in registration order */
  groupVersions(): Map<string, ResourceInfo[]> {
    const out = new Map<string, ResourceInfo[]>();
    for (const r of this.byPath.values()) {
      const gv = r.group ? `${r.group}/${r.version}` : r.version;
      const list = out.get(gv) ?? [];
      list.push(r);
      out.set(gv, list);
    }
    return out;
  }

  add(r: ResourceInfo): void {
    this.byPath.set(pathKey(r.group, r.version, r.plural), r);
    this.fire();
  }

  remove(group: string, version: string, plural: string): void {
    if (this.byPath.delete(pathKey(group, version, plural))) this.fire();
  }

  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private fire(): void {
    for (const l of this.listeners) l();
  }
}

const pathKey = (group: string, version: string, plural: string): string => `${group}/${version}/${plural}`;
