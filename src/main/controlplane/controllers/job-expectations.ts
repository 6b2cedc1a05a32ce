// client-go's ControllerExpectations for the Job controller: after creating or deleting pods, a
// controller must not act on its (lagging) pod cache until the informer has shown those changes,
// or it would create the same pods twice. Expectations expire after 5 minutes, as upstream's.
const EXPIRY_MS = 5 * 60 * 1000;

interface Pending {
  adds: number;
  deletes: Set<string>;
  at: number;
}

export class PodExpectations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number) {}

  expect(key: string, adds: number, deleteUids: string[]): void {
    const p = this.pending.get(key) ?? { adds: 0, deletes: new Set<string>(), at: 0 };
    p.adds += adds;
    for (const uid of deleteUids) p.deletes.add(uid);
    p.at = this.now();
    this.pending.set(key, p);
  }

  /** a create failed or was seen: one fewer to wait for */
  creationObserved(key: string): void {
    const p = this.pending.get(key);
    if (p && p.adds > 0) p.adds--;
  }

  deletionObserved(key: string, uid: string): void {
    this.pending.get(key)?.deletes.delete(uid);
  }

  satisfied(key: string): boolean {
    const p = this.pending.get(key);
    if (!p) return true;
    if ((p.adds <= 0 && p.deletes.size === 0) || this.now() - p.at > EXPIRY_MS) {
      this.pending.delete(key);
      return true;
    }
    return false;
  }

  forget(key: string): void {
    this.pending.delete(key);
  }
}
