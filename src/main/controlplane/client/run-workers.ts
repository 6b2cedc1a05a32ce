// The one place retry rules live (DESIGN.md): a reconcile that throws is retried with the queue's
// per-key backoff; one that succeeds resets it; one that asks for it is re-run after a delay.
// Reconciles stay level-based and never schedule their own retries.
import type { Logger } from './logger';
import { consoleLogger } from './logger';
import type { WorkQueue } from './work-queue';

/** what a reconcile may return: nothing, or a request to look again later (e.g. a pending timeout) */
export type ReconcileResult = void | { requeueAfterMs: number };

export type Reconcile = (key: string) => Promise<ReconcileResult>;

export interface RunWorkersOptions {
  logger?: Logger;
  /** names the controller in logs */
  name?: string;
}

/** starts n workers; resolves once the queue is shut down and every worker has finished its key */
export function runWorkers(queue: WorkQueue, n: number, reconcile: Reconcile, options: RunWorkersOptions = {}): Promise<void> {
  const logger = options.logger ?? consoleLogger;
  const name = options.name ?? 'controller';
  const worker = async (): Promise<void> => {
    for (;;) {
      const next = await queue.get();
      if (next.shutdown) return;
      await processOne(queue, next.key, reconcile, (err) => logger.warn(`${name}: reconcile ${next.key} failed (retry ${queue.numRequeues(next.key)})`, err));
    }
  };
  return Promise.all(Array.from({ length: Math.max(1, n) }, worker)).then(() => undefined);
}

async function processOne(queue: WorkQueue, key: string, reconcile: Reconcile, onError: (err: unknown) => void): Promise<void> {
  try {
    const result = await reconcile(key);
    queue.forget(key);
    if (result && result.requeueAfterMs >= 0) queue.addAfter(key, result.requeueAfterMs);
  } catch (err) {
    onError(err);
    queue.addRateLimited(key);
  } finally {
    queue.done(key);
  }
}
