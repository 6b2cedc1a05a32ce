// The last N scheduling decisions, one per pod (the latest attempt), for the UI's "why is my pod here /
// why is it pending" panel. A Map keeps insertion order, which makes it an LRU with delete + set.
import type { CycleRecord, Explanation, NodeExplanation } from './record';

export class Explanations {
  private readonly records = new Map<string, CycleRecord>();

  constructor(private readonly capacity = 10_000) {}

  keep(record: CycleRecord): void {
    const key = `${record.namespace}/${record.name}`;
    this.records.delete(key);
    this.records.set(key, record);
    if (this.records.size > this.capacity) this.records.delete(this.records.keys().next().value!);
  }

  forget(namespace: string, name: string): void {
    this.records.delete(`${namespace}/${name}`);
  }

  get size(): number {
    return this.records.size;
  }

  explain(namespace: string, name: string): Explanation | undefined {
    const r = this.records.get(`${namespace}/${name}`);
    return r ? expand(r) : undefined;
  }
}

function scoredNodes(r: CycleRecord): Map<string, Pick<NodeExplanation, 'scores' | 'total'>> {
  const out = new Map<string, Pick<NodeExplanation, 'scores' | 'total'>>();
  const s = r.scores;
  if (!s) return out;
  const np = s.plugins.length;
  s.nodes.forEach((node, i) => {
    const scores = s.plugins.map((plugin, p) => {
      const score = s.scores[i * np + p];
      return { plugin, score, weight: s.weights[p], weighted: score * s.weights[p] };
    });
    out.set(node, { scores, total: s.totals[i] });
  });
  return out;
}

export function expand(r: CycleRecord): Explanation {
  const scored = scoredNodes(r);
  const nodes: NodeExplanation[] = r.evaluated.map((node, i) => {
    const st = r.statuses[i];
    const base = { node, chosen: node === r.node };
    if (st) return { ...base, filter: 'failed', failedPlugin: st.plugin, reasons: st.reasons };
    return { ...base, filter: 'passed', ...scored.get(node) };
  });
  if (r.preFilter) nodes.push({ node: '*', chosen: false, filter: 'failed', failedPlugin: r.preFilter.plugin, reasons: r.preFilter.reasons });
  return {
    namespace: r.namespace,
    name: r.name,
    uid: r.uid,
    time: new Date(r.time).toISOString(),
    outcome: r.outcome,
    node: r.node,
    message: r.message,
    nominatedNode: r.nominatedNode,
    numAllNodes: r.numAllNodes,
    numEvaluated: r.evaluated.length,
    nodes,
  };
}
