// The CronJob controller (upstream cronjob_controllerv2): starts a Job at each scheduled time (in the
// CronJob's time zone), honours startingDeadlineSeconds, concurrencyPolicy and suspend, tracks active
// Jobs and trims finished ones to the history limits.
import { byControllerUid, timestamp, type ApiClient, type Clock, type EventRecorder, type Informer, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { parseSchedule, type Schedule } from './cronjob-schedule';
import { jobsBeyondHistory, newJobFor, refOf } from './cronjob-jobs';
import { isJobFinished, isTrue } from './job-conditions';

const MAX_MISSED = 100;

type Result = void | { requeueAfterMs: number };

const ownerKey = (job: Obj): string | undefined => {
  const ref = (job.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller && r.kind === 'CronJob');
  return ref ? `${job.metadata.namespace}/${ref.name}` : undefined;
};
const code = (err: unknown) => (err as { code?: number }).code;

export class CronJobController implements Controller {
  readonly name = 'cronjob';
  readonly component = 'cronjob-controller';
  readonly workers = 5;
  private cronJobs!: Informer;
  private jobs!: Informer;
  private client!: ApiClient;
  private clock!: Clock;
  private recorder!: EventRecorder;

  register(ctx: ControllerContext): void {
    Object.assign(this, { client: ctx.client, clock: ctx.clock, recorder: ctx.recorder });
    this.cronJobs = ctx.informers.informerFor('batch/v1', 'CronJob');
    this.jobs = ctx.informers.informerFor('batch/v1', 'Job', { byControllerUid });
    const enqueue = (cj: Obj) => ctx.queue.add(`${cj.metadata.namespace}/${cj.metadata.name}`);
    this.cronJobs.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });
    const onJob = (job: Obj) => {
      const key = ownerKey(job);
      if (key) ctx.queue.add(key);
    };
    this.jobs.addEventHandler({ onAdd: onJob, onUpdate: (_o, n) => onJob(n), onDelete: onJob });
  }

  async reconcile(key: string): Promise<Result> {
    const cronJob = this.cronJobs.lister.get(key);
    if (!cronJob) return;
    const jobs = this.jobs.lister.byIndex('byControllerUid', cronJob.metadata.uid).filter((j) => j.metadata.namespace === cronJob.metadata.namespace);
    const status = structuredClone(cronJob.status ?? {});
    this.trackActive(cronJob, status, jobs);
    let result: Result = undefined;
    if (!cronJob.metadata.deletionTimestamp) result = await this.maybeStart(cronJob, status, jobs);
    await this.trimHistory(cronJob, jobs);
    if (JSON.stringify(status) !== JSON.stringify(cronJob.status ?? {})) await this.client.updateStatus({ ...structuredClone(cronJob), status });
    return result;
  }

  /** drops finished and vanished Jobs from status.active; notes the last success */
  private trackActive(cronJob: Obj, status: Obj, jobs: Obj[]): void {
    const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
    for (const job of jobs) {
      const listed = (status.active ?? []).some((r: Obj) => r.uid === job.metadata.uid);
      if (!listed || !isJobFinished(job)) continue;
      const condition = isTrue(job, 'Complete') ? 'Complete' : 'Failed';
      this.recorder.event(cronJob, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${condition}`);
      if (condition === 'Complete' && job.status?.completionTime) {
        if (!status.lastSuccessfulTime || status.lastSuccessfulTime < job.status.completionTime) status.lastSuccessfulTime = job.status.completionTime;
      }
    }
    const active = (status.active ?? []).filter((r: Obj) => byUid.has(r.uid) && !isJobFinished(byUid.get(r.uid)!));
    if (active.length) status.active = active;
    else delete status.active;
  }

  private async maybeStart(cronJob: Obj, status: Obj, jobs: Obj[]): Promise<Result> {
    const schedule = this.scheduleOf(cronJob);
    if (!schedule) return;
    if (cronJob.spec.suspend) return;
    const now = this.clock.now();
    const scheduled = this.mostRecent(cronJob, schedule, now);
    const nextAfter = (): Result => {
      const next = schedule.next(now);
      return next === undefined ? undefined : { requeueAfterMs: next - now + 100 };
    };
    if (scheduled === undefined) return nextAfter();
    const deadline = cronJob.spec.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
      this.recorder.event(cronJob, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(scheduled).toUTCString()}`);
      return nextAfter();
    }
    if (status.lastScheduleTime && Date.parse(status.lastScheduleTime) >= scheduled) return nextAfter();
    const active = jobs.filter((j) => (status.active ?? []).some((r: Obj) => r.uid === j.metadata.uid));
    if (cronJob.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.recorder.event(cronJob, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return nextAfter();
    }
    if (cronJob.spec.concurrencyPolicy === 'Replace') {
      for (const job of active) await this.deleteJob(cronJob, job);
      delete status.active;
    }
    await this.startJob(cronJob, status, scheduled);
    return nextAfter();
  }

  private async startJob(cronJob: Obj, status: Obj, scheduled: number): Promise<void> {
    let job: Obj;
    try {
      job = await this.client.create(newJobFor(cronJob, scheduled));
      this.recorder.event(cronJob, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
    } catch (err) {
      if (code(err) !== 409) {
        this.recorder.event(cronJob, 'Warning', 'FailedCreate', `Error creating job: ${(err as Error).message}`);
        throw err;
      }
      // made already (our cache lagged): adopt it into status if it is ours
      job = await this.client.get('batch/v1', 'Job', cronJob.metadata.namespace, newJobFor(cronJob, scheduled).metadata.name);
      if (!(job.metadata.ownerReferences ?? []).some((r: Obj) => r.uid === cronJob.metadata.uid)) return;
    }
    if (!(status.active ?? []).some((r: Obj) => r.uid === job.metadata.uid)) status.active = [...(status.active ?? []), refOf(job)];
    status.lastScheduleTime = timestamp(scheduled);
  }

  private scheduleOf(cronJob: Obj): Schedule | undefined {
    const tz = cronJob.spec.timeZone ?? 'UTC';
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch (err) {
      this.recorder.event(cronJob, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: ${(err as Error).message}`);
      return undefined;
    }
    try {
      return parseSchedule(cronJob.spec.schedule, tz);
    } catch (err) {
      this.recorder.event(cronJob, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cronJob.spec.schedule)} : ${(err as Error).message}`);
      return undefined;
    }
  }

  /** the latest scheduled time not after now, since the last one (or creation), within the starting deadline */
  private mostRecent(cronJob: Obj, schedule: Schedule, now: number): number | undefined {
    let earliest = Date.parse(cronJob.status?.lastScheduleTime ?? cronJob.metadata.creationTimestamp);
    const deadline = cronJob.spec.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null) earliest = Math.max(earliest, now - deadline * 1000);
    let latest: number | undefined;
    let missed = 0;
    for (let t = schedule.next(earliest); t !== undefined && t <= now; t = schedule.next(t)) {
      latest = t;
      if (++missed > 10 * MAX_MISSED) break;
    }
    if (missed > MAX_MISSED) {
      this.recorder.event(cronJob, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    return latest;
  }

  private async trimHistory(cronJob: Obj, jobs: Obj[]): Promise<void> {
    for (const job of jobsBeyondHistory(cronJob, jobs).filter((j) => !j.metadata.deletionTimestamp)) await this.deleteJob(cronJob, job);
  }

  private async deleteJob(cronJob: Obj, job: Obj): Promise<void> {
    try {
      await this.client.delete('batch/v1', 'Job', job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Background' });
      this.recorder.event(cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    } catch (err) {
      if (code(err) !== 404) throw err;
    }
  }
}

export const cronJobController = (): Controller => new CronJobController();
