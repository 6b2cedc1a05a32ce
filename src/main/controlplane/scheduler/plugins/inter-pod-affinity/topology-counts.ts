// Counts keyed by topology key, then topology value: "how many matching pods sit in zone=a".
import type { NodeInfo } from '../../snapshot/node-info';

export class TopologyCounts {
  private readonly byKey = new Map<string, Map<string, number>>();

  add(key: string, node: NodeInfo, n: number): void {
    const value = node.labels[key];
    if (value === undefined) return;
    let values = this.byKey.get(key);
    if (!values) this.byKey.set(key, (values = new Map()));
    values.set(value, (values.get(value) ?? 0) + n);
  }

  get(key: string, value: string | undefined): number {
    return value === undefined ? 0 : (this.byKey.get(key)?.get(value) ?? 0);
  }

  get empty(): boolean {
    return this.byKey.size === 0;
  }

  /** Sum over every key of the node's value under it. */
  sumFor(node: NodeInfo): number {
    let total = 0;
    for (const [key, values] of this.byKey) {
      const v = node.labels[key];
      if (v !== undefined) total += values.get(v) ?? 0;
    }
    return total;
  }

  /** Is any key present on the node with a positive count? */
  anyPositive(node: NodeInfo): boolean {
    for (const [key, values] of this.byKey) {
      const v = node.labels[key];
      if (v !== undefined && (values.get(v) ?? 0) > 0) return true;
    }
    return false;
  }
}
