// A 409 Conflict means the cache we decided from is stale, not that something failed: the informer
// is about to deliver the newer object, so the controller looks again shortly instead of logging an
// error and backing off.
import { StatusError } from '../../../../shared/k8s/status';

const STALE_RETRY_MS = 20;

export async function lookAgainOnConflict<T>(work: () => Promise<T>): Promise<T | { requeueAfterMs: number }> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StatusError && err.code === 409 && err.reason === 'Conflict') return { requeueAfterMs: STALE_RETRY_MS };
    throw err;
  }
}
