// Counts keyed by topology key, then topology value ("how many matching pods sit in zone=a"),
// summed over several sources: maps owned by the snapshot's index are referenced, never copied.
import type { NodeInfo } from '../../snapshot/node-info';

export class TopologyCounts {
  private readonly byKey = new Map<string, Map<string, number>[]>();

  /** Adds a value → count map under a topology key. */
  addSource(key: string, counts: Map<string, number>): void {
    if (counts.size === 0) return;
    const list = this.byKey.get(key);
    if (list) list.push(counts);
    else this.byKey.set(key, [counts]);
  }

  /** Adds n for the node's value of key (a private source per key). */
  add(key: string, node: NodeInfo, n: number): void {
    const value = node.labels[key];
    if (value === undefined) return;
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    let own = (list as (Map<string, number> & { own?: true })[]).find((m) => m.own);
    if (!own) list.push((own = Object.assign(new Map<string, number>(), { own: true as const })));
    own.set(value, (own.get(value) ?? 0) + n);
  }

  get(key: string, value: string | undefined): number {
    if (value === undefined) return 0;
    const list = this.byKey.get(key);
    if (!list) return 0;
    if (list.length > 1) this.merge(key, list);
    return this.byKey.get(key)![0].get(value) ?? 0;
  }

  /** Filter asks per node, hundreds of times a cycle: one lookup beats summing many sources each time. */
  private merge(key: string, list: Map<string, number>[]): void {
    const merged = Object.assign(new Map<string, number>(), { own: true as const });
    for (const m of list) for (const [v, n] of m) merged.set(v, (merged.get(v) ?? 0) + n);
    this.byKey.set(key, [merged]);
  }

  get empty(): boolean {
    return this.byKey.size === 0;
  }

  /** Sum over every key of the node's value under it. */
  sumFor(node: NodeInfo): number {
    let total = 0;
    for (const key of this.byKey.keys()) total += this.get(key, node.labels[key]);
    return total;
  }

  /** Is any key present on the node with a positive count? */
  anyPositive(node: NodeInfo): boolean {
    for (const key of this.byKey.keys()) if (this.get(key, node.labels[key]) > 0) return true;
    return false;
  }
}
