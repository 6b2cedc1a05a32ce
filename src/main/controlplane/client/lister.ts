// Read-only views over an informer's cache, as client-go's listers: by key, by namespace, by label
// selector, by index. They never call the API server.
import { formatLabelSelector, matchesLabels, parseLabelSelector, type LabelSelector } from '../apiserver/registry/labels';
import type { Obj } from './api-client';
import { type Indexer, NAMESPACE_INDEX } from './indexer';

/** a selector given as text ("app=web,tier!=db") or as a metav1.LabelSelector object */
export type SelectorInput = string | { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };

export const toLabelSelector = (selector: SelectorInput | undefined): LabelSelector => {
  if (selector === undefined) return [];
  return parseLabelSelector(typeof selector === 'string' ? selector : formatLabelSelector(selector));
};

const select = (objects: Iterable<Obj>, selector: SelectorInput | undefined): Obj[] => {
  const sel = toLabelSelector(selector);
  const out: Obj[] = [];
  for (const o of objects) if (sel.length === 0 || matchesLabels(sel, o.metadata?.labels)) out.push(o);
  return out;
};

export class Lister {
  constructor(private readonly indexer: Indexer) {}

  /** cluster-scoped objects by name; namespaced ones by "ns/name" (or use namespace(ns).get) */
  get(key: string): Obj | undefined {
    return this.indexer.get(key);
  }

  list(selector?: SelectorInput): Obj[] {
    return select(this.indexer.values(), selector);
  }

  namespace(namespace: string): NamespaceLister {
    return new NamespaceLister(this.indexer, namespace);
  }

  byIndex(indexName: string, value: string): Obj[] {
    return this.indexer.byIndex(indexName, value);
  }

  countByIndex(indexName: string, value: string): number {
    return this.indexer.countByIndex(indexName, value);
  }
}

export class NamespaceLister {
  constructor(
    private readonly indexer: Indexer,
    private readonly ns: string,
  ) {}

  get(name: string): Obj | undefined {
    return this.indexer.get(`${this.ns}/${name}`);
  }

  list(selector?: SelectorInput): Obj[] {
    return select(this.indexer.byIndex(NAMESPACE_INDEX, this.ns), selector);
  }
}
