// upstream's (UIDTracking)ControllerExpectations: after asking for n creates or for deleting some
// pods, a controller waits until its informer has seen them before it counts pods again, so a burst
// is never repeated just because the cache lags behind the writes. Deletions are tracked by uid, as a
// pod is seen going twice (deletionTimestamp set, then gone). Expectations older than five minutes are
// ignored: a lost watch event must not wedge a controller forever.
import type { Clock } from '../../client';

const TTL_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  deletes: Set<string>;
  at: number;
}

export class Expectations {
  private readonly map = new Map<string, Expectation>();

  constructor(private readonly clock: Clock) {}

  /** true when nothing is outstanding (or never recorded, or expired): the cache may be trusted */
  satisfied(key: string): boolean {
    const e = this.map.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.deletes.size === 0) return true;
    return this.clock.now() - e.at > TTL_MS;
  }

  expectCreations(key: string, n: number): void {
    this.map.set(key, { add: n, deletes: new Set(), at: this.clock.now() });
  }

  expectDeletions(key: string, uids: string[]): void {
    this.map.set(key, { add: 0, deletes: new Set(uids), at: this.clock.now() });
  }

  creationObserved(key: string, n = 1): void {
    const e = this.map.get(key);
    if (e) e.add -= n;
  }

  deletionObserved(key: string, uid: string): void {
    this.map.get(key)?.deletes.delete(uid);
  }

  forget(key: string): void {
    this.map.delete(key);
  }
}
