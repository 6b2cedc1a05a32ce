// upstream's ttl-after-finished controller: deletes a finished Job ttlSecondsAfterFinished after it
// finished, in the foreground so its pods go first (as upstream's ttlafterfinished controller does).
import { type ApiClient, type Clock, type Informer, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { conditionOf, isJobFinished } from './job-conditions';

/** when the Job finished: completionTime, or when its Complete/Failed condition turned True */
export function finishedAt(job: Obj): number | undefined {
  if (job.status?.completionTime) return Date.parse(job.status.completionTime);
  const c = conditionOf(job, 'Failed') ?? conditionOf(job, 'Complete');
  return c?.status === 'True' && c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

export class TtlAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished';
  readonly component = 'ttl-after-finished-controller';
  private jobs!: Informer;
  private client!: ApiClient;
  private clock!: Clock;

  register(ctx: ControllerContext): void {
    this.client = ctx.client;
    this.clock = ctx.clock;
    this.jobs = ctx.informers.informerFor('batch/v1', 'Job');
    const enqueue = (job: Obj) => {
      if (job.spec?.ttlSecondsAfterFinished !== undefined && isJobFinished(job)) ctx.queue.add(`${job.metadata.namespace}/${job.metadata.name}`);
    };
    this.jobs.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });
  }

  async reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    const job = this.jobs.lister.get(key);
    if (!job || job.metadata.deletionTimestamp || !isJobFinished(job)) return;
    const ttl = job.spec.ttlSecondsAfterFinished;
    const at = finishedAt(job);
    if (ttl === undefined || ttl === null || at === undefined) return;
    const left = at + ttl * 1000 - this.clock.now();
    if (left > 0) return { requeueAfterMs: left };
    try {
      await this.client.delete('batch/v1', 'Job', job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
    } catch (err) {
      if ((err as { code?: number }).code !== 404) throw err;
    }
  }
}

export const ttlAfterFinishedController = (): Controller => new TtlAfterFinishedController();
