// A 409 Conflict means the cache we decided from is stale, not that something failed: the informer
// is about to deliver the newer object, so the controller looks again shortly instead of logging an
// error and backing off. Only a few times in a row, though: a conflict that keeps coming back is a
// real problem, and goes to the work queue's backoff like any error.
import { StatusError } from '../../../../shared/k8s/status';

const STALE_RETRY_MS = 20;
const QUIET_CONFLICTS = 5;

export class ConflictRetry {
  private readonly streaks = new Map<string, number>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T | { requeueAfterMs: number }> {
    try {
      const result = await work();
      this.streaks.delete(key);
      return result;
    } catch (err) {
      const streak = (this.streaks.get(key) ?? 0) + 1;
      const conflict = err instanceof StatusError && err.code === 409 && err.reason === 'Conflict';
      if (!conflict || streak > QUIET_CONFLICTS) {
        this.streaks.delete(key);
        throw err;
      }
      this.streaks.set(key, streak);
      return { requeueAfterMs: STALE_RETRY_MS };
    }
  }
}
