// The informer's cache: objects by "namespace/name", plus secondary indexes kept up to date on every
// change, so "pods on node X" or "pods owned by uid Y" is a map lookup even at 50,000 pods.
import { objectKey } from '../../../shared/k8s/objects';
import type { Obj } from './api-client';

/** values an object is filed under in one index; [] for none */
export type IndexFunc = (obj: Obj) => string[];

export const NAMESPACE_INDEX = 'namespace';

/** "ns/name", or "name" for cluster-scoped objects: client-go's MetaNamespaceKeyFunc */
export const keyOf = (obj: Obj): string => objectKey(obj);

export const byNamespace: IndexFunc = (obj) => [obj.metadata?.namespace ?? ''];
export const byNodeName: IndexFunc = (obj) => (obj.spec?.nodeName ? [obj.spec.nodeName] : []);
export const byOwnerUid: IndexFunc = (obj) => (obj.metadata?.ownerReferences ?? []).map((r: { uid: string }) => r.uid);
/** only the managing controller's reference (controller: true), as controllers adopt by it */
export const byControllerUid: IndexFunc = (obj) =>
  (obj.metadata?.ownerReferences ?? []).filter((r: { controller?: boolean }) => r.controller).map((r: { uid: string }) => r.uid);

export class Indexer {
  private readonly items = new Map<string, Obj>();
  private readonly funcs = new Map<string, IndexFunc>();
  /** index name → value → keys */
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor(indexers: Record<string, IndexFunc> = {}) {
    this.addIndexers({ [NAMESPACE_INDEX]: byNamespace, ...indexers });
  }

  /** adding an index later files the objects already cached too */
  addIndexers(indexers: Record<string, IndexFunc>): void {
    for (const [name, fn] of Object.entries(indexers)) {
      if (this.funcs.has(name)) continue;
      this.funcs.set(name, fn);
      const index = new Map<string, Set<string>>();
      this.indices.set(name, index);
      for (const [key, obj] of this.items) file(index, fn(obj), key);
    }
  }

  hasIndex(name: string): boolean {
    return this.funcs.has(name);
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): Obj | undefined {
    return this.items.get(key);
  }

  keys(): IterableIterator<string> {
    return this.items.keys();
  }

  values(): IterableIterator<Obj> {
    return this.items.values();
  }

  /** stores obj under its key; returns the object it replaced */
  set(obj: Obj): Obj | undefined {
    const key = keyOf(obj);
    const old = this.items.get(key);
    this.items.set(key, obj);
    for (const [name, fn] of this.funcs) {
      const index = this.indices.get(name)!;
      const next = fn(obj);
      if (old) {
        const before = fn(old);
        // Most updates (status, heartbeats) leave indexed fields alone: skip the set churn then.
        if (sameValues(before, next)) continue;
        unfile(index, before, key);
      }
      file(index, next, key);
    }
    return old;
  }

  remove(key: string): Obj | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.items.delete(key);
    for (const [name, fn] of this.funcs) unfile(this.indices.get(name)!, fn(old), key);
    return old;
  }

  /** keys filed under value in the named index */
  indexKeys(indexName: string, value: string): string[] {
    return [...(this.index(indexName).get(value) ?? [])];
  }

  byIndex(indexName: string, value: string): Obj[] {
    const keys = this.index(indexName).get(value);
    if (!keys) return [];
    const out: Obj[] = [];
    for (const k of keys) out.push(this.items.get(k)!);
    return out;
  }

  /** how many objects are filed under value, without building a list */
  countByIndex(indexName: string, value: string): number {
    return this.index(indexName).get(value)?.size ?? 0;
  }

  /** every value the named index holds */
  indexValues(indexName: string): string[] {
    return [...this.index(indexName).keys()];
  }

  private index(name: string): Map<string, Set<string>> {
    const index = this.indices.get(name);
    if (!index) throw new Error(`no index named "${name}"`);
    return index;
  }
}

const file = (index: Map<string, Set<string>>, values: string[], key: string): void => {
  for (const v of values) {
    let keys = index.get(v);
    if (!keys) index.set(v, (keys = new Set()));
    keys.add(key);
  }
};

const unfile = (index: Map<string, Set<string>>, values: string[], key: string): void => {
  for (const v of values) {
    const keys = index.get(v);
    if (!keys) continue;
    keys.delete(key);
    if (keys.size === 0) index.delete(v);
  }
};

const sameValues = (a: string[], b: string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
