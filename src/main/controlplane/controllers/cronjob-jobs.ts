// The Jobs a CronJob makes: their names (scheduled minute since the epoch, as upstream), template,
// owner and scheduled-timestamp annotation; and which finished ones history limits let go.
import type { Obj } from '../client';
import { isJobFinished, isTrue } from './job-conditions';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export const jobNameFor = (cronJob: Obj, scheduled: number): string => `${cronJob.metadata.name}-${Math.floor(scheduled / 60_000)}`;

/** RFC 3339 in the CronJob's time zone, as Go's time.Format(RFC3339) writes a time in that location */
export function rfc3339In(ms: number, timeZone: string): string {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${zone}`;
}

export function newJobFor(cronJob: Obj, scheduled: number): Obj {
  const template = structuredClone(cronJob.spec.jobTemplate ?? {});
  const timeZone = cronJob.spec.timeZone ?? 'UTC';
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cronJob, scheduled),
      namespace: cronJob.metadata.namespace,
      labels: template.metadata?.labels ?? {},
      annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339In(scheduled, timeZone) },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: template.spec,
  };
}

export const refOf = (job: Obj): Obj => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  name: job.metadata.name,
  namespace: job.metadata.namespace,
  uid: job.metadata.uid,
  resourceVersion: job.metadata.resourceVersion,
});

const startOf = (job: Obj): string => job.status?.startTime ?? job.metadata.creationTimestamp ?? '';

/** finished jobs beyond successfulJobsHistoryLimit (default 3) and failedJobsHistoryLimit (default 1), oldest first */
export function jobsBeyondHistory(cronJob: Obj, jobs: Obj[]): Obj[] {
  const finished = jobs.filter(isJobFinished).sort((a, b) => startOf(a).localeCompare(startOf(b)));
  const succeeded = finished.filter((j) => isTrue(j, 'Complete'));
  const failed = finished.filter((j) => isTrue(j, 'Failed'));
  const over = (list: Obj[], limit: number | undefined, fallback: number) => list.slice(0, Math.max(0, list.length - (limit ?? fallback)));
  return [...over(succeeded, cronJob.spec.successfulJobsHistoryLimit, 3), ...over(failed, cronJob.spec.failedJobsHistoryLimit, 1)];
}
