// Indexes that make inter-pod affinity cost O(kinds of pods) per cycle instead of O(pods):
// pods grouped by (namespace, labels), and existing required anti-affinity terms grouped by term,
// each with counts per topology value, kept up to date as pods come and go.
import type { Labels } from '../api';
import type { NodeInfo } from './node-info';
import type { AffinityTerm, PodInfo } from './pod-info';

/** Pods with the same namespace and labels: any selector matches all of them or none. */
export interface LabelGroup {
  namespace: string;
  labels: Labels;
  terminating: boolean;
  size: number;
  nodes: Map<NodeInfo, number>;
  /** topology key → value → pods; built on first use, then kept current. */
  byKey: Map<string, Map<string, number>>;
}

/** Existing pods' identical required anti-affinity terms, counted per value of the term's topology key. */
export interface TermGroup {
  term: AffinityTerm;
  size: number;
  byValue: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string | undefined, d: number): void => {
  if (k === undefined) return;
  const n = (m.get(k) ?? 0) + d;
  if (n === 0) m.delete(k);
  else m.set(k, n);
};

export class PodIndex {
  readonly labelGroups = new Map<string, LabelGroup>();
  readonly antiTerms = new Map<string, TermGroup>();

  add(p: PodInfo, node: NodeInfo): void {
    this.account(p, node, 1);
  }

  remove(p: PodInfo, node: NodeInfo): void {
    this.account(p, node, -1);
  }

  /** Counts of a label group under a topology key, computed once and maintained afterwards. */
  countsByKey(g: LabelGroup, key: string): Map<string, number> {
    let m = g.byKey.get(key);
    if (!m) {
      m = new Map();
      for (const [node, n] of g.nodes) bump(m, node.labels[key], n);
      g.byKey.set(key, m);
    }
    return m;
  }

  private account(p: PodInfo, node: NodeInfo, d: 1 | -1): void {
    let g = this.labelGroups.get(p.labelSignature);
    if (!g) {
      g = { namespace: p.namespace, labels: p.labels, terminating: p.terminating, size: 0, nodes: new Map(), byKey: new Map() };
      this.labelGroups.set(p.labelSignature, g);
    }
    g.size += d;
    const n = (g.nodes.get(node) ?? 0) + d;
    if (n === 0) g.nodes.delete(node);
    else g.nodes.set(node, n);
    for (const [key, m] of g.byKey) bump(m, node.labels[key], d);
    if (g.size === 0) this.labelGroups.delete(p.labelSignature);
    for (const term of p.requiredAntiAffinity) this.accountTerm(term, node, d);
  }

  private accountTerm(term: AffinityTerm, node: NodeInfo, d: 1 | -1): void {
    let t = this.antiTerms.get(term.signature);
    if (!t) this.antiTerms.set(term.signature, (t = { term, size: 0, byValue: new Map() }));
    t.size += d;
    bump(t.byValue, node.labels[term.topologyKey], d);
    if (t.size === 0) this.antiTerms.delete(term.signature);
  }
}
