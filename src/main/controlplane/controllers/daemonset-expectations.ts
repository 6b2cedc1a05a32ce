// What the DaemonSet controller wrote but its pod cache may not show yet (upstream's expectations):
// until the cache has caught up, another pass would see a node without its new pod and create a
// second one. Entries expire, as upstream's do, in case a watch event never comes.
import type { Lister } from '../client';

const EXPIRY_MS = 5 * 60 * 1000;

interface Pending {
  creates: Set<string>;
  deletes: Set<string>;
  atMs: number;
}

export class PodExpectations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number) {}

  expect(key: string, namespace: string, createdNames: string[], deletedUids: string[]): void {
    const entry = this.pending.get(key) ?? { creates: new Set<string>(), deletes: new Set<string>(), atMs: 0 };
    for (const n of createdNames) entry.creates.add(`${namespace}/${n}`);
    for (const u of deletedUids) entry.deletes.add(u);
    entry.atMs = this.now();
    this.pending.set(key, entry);
  }

  /** true once the cache shows every create and no deleted pod (or the entry expired) */
  satisfied(key: string, pods: Lister, liveUids: Set<string>): boolean {
    const entry = this.pending.get(key);
    if (!entry) return true;
    for (const name of entry.creates) if (pods.get(name)) entry.creates.delete(name);
    for (const uid of entry.deletes) if (!liveUids.has(uid)) entry.deletes.delete(uid);
    if ((entry.creates.size === 0 && entry.deletes.size === 0) || this.now() - entry.atMs > EXPIRY_MS) {
      this.pending.delete(key);
      return true;
    }
    return false;
  }

  forget(key: string): void {
    this.pending.delete(key);
  }
}
