// Counts keyed by topology key, then topology value ("how many matching pods sit in zone=a").
// Maps owned by the snapshot's index are referenced as sources (with a weight), never copied until
// a key is read with more than one source; then they are folded once into a private map.
import type { NodeInfo } from '../../snapshot/node-info';

interface Source {
  counts: Map<string, number>;
  factor: number;
}

export class TopologyCounts {
  private readonly own = new Map<string, Map<string, number>>();
  private readonly sources = new Map<string, Source[]>();

  /** Adds factor × a value → count map under a topology key. */
  addSource(key: string, counts: Map<string, number>, factor = 1): void {
    if (counts.size === 0 || factor === 0) return;
    const list = this.sources.get(key);
    if (list) list.push({ counts, factor });
    else this.sources.set(key, [{ counts, factor }]);
  }

  /** Adds n for the node's value of key. */
  add(key: string, node: NodeInfo, n: number): void {
    const value = node.labels[key];
    if (value !== undefined) this.bump(this.ownFor(key), value, n);
  }

  get(key: string, value: string | undefined): number {
    if (value === undefined) return 0;
    const list = this.sources.get(key);
    if (list && list.length === 1 && !this.own.has(key)) return (list[0].counts.get(value) ?? 0) * list[0].factor;
    if (list) this.fold(key, list);
    return this.own.get(key)?.get(value) ?? 0;
  }

  /** Filter asks per node, hundreds of times a cycle: one lookup beats summing many sources each time. */
  private fold(key: string, list: Source[]): void {
    const own = this.ownFor(key);
    for (const { counts, factor } of list) for (const [v, n] of counts) this.bump(own, v, n * factor);
    this.sources.delete(key);
  }

  private ownFor(key: string): Map<string, number> {
    let m = this.own.get(key);
    if (!m) this.own.set(key, (m = new Map()));
    return m;
  }

  private bump(m: Map<string, number>, value: string, n: number): void {
    m.set(value, (m.get(value) ?? 0) + n);
  }

  get empty(): boolean {
    return this.own.size === 0 && this.sources.size === 0;
  }

  private keys(): Set<string> {
    return new Set([...this.own.keys(), ...this.sources.keys()]);
  }

  /** Sum over every key of the node's value under it. */
  sumFor(node: NodeInfo): number {
    let total = 0;
    for (const key of this.keys()) total += this.get(key, node.labels[key]);
    return total;
  }

  /** Is any key present on the node with a positive count? */
  anyPositive(node: NodeInfo): boolean {
    for (const key of this.keys()) if (this.get(key, node.labels[key]) > 0) return true;
    return false;
  }
}
