// The Job controller (upstream pkg/controller/job): runs pods to completion, counts finished pods
// through the job-tracking finalizer, and ends the Job as Complete or Failed (backoff limit, deadline).
import { byControllerUid, type ApiClient, type Clock, type EventRecorder, type Informer, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { PodExpectations } from './job-expectations';
import { deletePods, manageJob, type ManageDeps } from './job-manage';
import { JOB_NAME_LABEL, hasTrackingFinalizer, isActive, isReady, isTerminating } from './job-pods';
import { isJobFinished } from './job-conditions';
import { removeTrackingFinalizer, trackFinishedPods } from './job-tracking';
import { decideFinish, finishIfDone, updateSuspension } from './job-lifecycle';

const keyOfJob = (pod: Obj): string | undefined => {
  const ref = (pod.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller && r.kind === 'Job' && r.apiVersion?.startsWith('batch/'));
  return ref ? `${pod.metadata.namespace}/${ref.name}` : undefined;
};

export class JobController implements Controller {
  readonly name = 'job';
  readonly component = 'job-controller';
  readonly workers = 5;
  private jobs!: Informer;
  private pods!: Informer;
  private client!: ApiClient;
  private clock!: Clock;
  private recorder!: EventRecorder;
  private expectations!: PodExpectations;
  private readonly deletedByController = new Set<string>();

  register(ctx: ControllerContext): void {
    Object.assign(this, { client: ctx.client, clock: ctx.clock, recorder: ctx.recorder });
    this.expectations = new PodExpectations(() => ctx.clock.now());
    this.jobs = ctx.informers.informerFor('batch/v1', 'Job');
    this.pods = ctx.informers.informerFor('v1', 'Pod', { byControllerUid });
    const enqueueJob = (job: Obj) => ctx.queue.add(`${job.metadata.namespace}/${job.metadata.name}`);
    this.jobs.addEventHandler({ onAdd: enqueueJob, onUpdate: (_o, n) => enqueueJob(n), onDelete: enqueueJob });
    const onPod = (pod: Obj, seen: (key: string) => void) => {
      const key = keyOfJob(pod);
      if (!key) return;
      seen(key);
      ctx.queue.add(key);
    };
    this.pods.addEventHandler({
      onAdd: (p) => onPod(p, (k) => this.expectations.creationObserved(k)),
      onUpdate: (o, n) => onPod(n, (k) => n.metadata.deletionTimestamp && !o.metadata.deletionTimestamp && this.expectations.deletionObserved(k, n.metadata.uid)),
      onDelete: (p) => onPod(p, (k) => this.expectations.deletionObserved(k, p.metadata.uid)),
    });
  }

  async reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    const job = this.jobs.lister.get(key);
    if (!job) return this.releaseOrphans(key);
    const pods = this.pods.lister.byIndex('byControllerUid', job.metadata.uid).filter((p) => p.metadata.namespace === job.metadata.namespace);
    if (isJobFinished(job)) {
      await Promise.all(pods.filter(hasTrackingFinalizer).map((p) => removeTrackingFinalizer(this.client, p)));
      return;
    }
    if (!this.expectations.satisfied(key)) return;
    return this.sync(key, job, pods);
  }

  private async sync(key: string, job: Obj, pods: Obj[]): Promise<void | { requeueAfterMs: number }> {
    const deps: ManageDeps = { client: this.client, recorder: this.recorder, expectations: this.expectations, deletedByController: this.deletedByController };
    const { job: current, status } = await trackFinishedPods(this.client, job, pods, (p) => this.deletedByController.has(p.metadata.uid));
    const now = this.clock.now();
    const active = pods.filter((p) => isActive(p));
    const decision = decideFinish(current, status, active, now);
    if (decision.finishing) {
      await deletePods(deps, key, current, active);
      finishIfDone(this.recorder, current, status, pods, now);
    } else if (updateSuspension(this.recorder, current, status, now)) {
      await deletePods(deps, key, current, active);
    } else {
      await manageJob(deps, key, current, status, active);
    }
    status.active = active.filter((p) => !isTerminating(p)).length;
    status.ready = active.filter((p) => !isTerminating(p) && isReady(p)).length;
    status.terminating = pods.filter(isTerminating).length;
    if (JSON.stringify(status) !== JSON.stringify(current.status ?? {})) await this.client.updateStatus({ ...structuredClone(current), status });
    return decision.recheckAfterMs !== undefined ? { requeueAfterMs: decision.recheckAfterMs } : undefined;
  }

  /** the Job is gone: its pods must not keep the tracking finalizer forever */
  private async releaseOrphans(key: string): Promise<void> {
    this.expectations.forget(key);
    const [namespace, name] = key.split('/');
    const pods = this.pods.lister.namespace(namespace).list({ matchLabels: { [JOB_NAME_LABEL]: name } });
    await Promise.all(pods.filter((p) => hasTrackingFinalizer(p) && !this.jobs.lister.get(key)).map((p) => removeTrackingFinalizer(this.client, p)));
  }
}

export const jobController = (): Controller => new JobController();
