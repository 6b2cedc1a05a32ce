// When a Job ends and how it is suspended: upstream's conditions, their order and their events.
import { timestamp, type EventRecorder, type Obj } from '../client';
import { BACKOFF_LIMIT_EXCEEDED, COMPLETIONS_REACHED, DEADLINE_EXCEEDED, setCondition } from './job-conditions';
import { hasTrackingFinalizer, isActive, isIndexed, isTerminating, parseIndexes } from './job-pods';

const statusTrue = (status: Obj, type: string): boolean => (status.conditions ?? []).some((c: Obj) => c.type === type && c.status === 'True');

export interface FinishDecision {
  finishing: boolean;
  /** when activeDeadlineSeconds will run out */
  recheckAfterMs?: number;
}

/** sets startTime, then FailureTarget or SuccessCriteriaMet when the Job has failed or succeeded */
export function decideFinish(job: Obj, status: Obj, active: Obj[], now: number): FinishDecision {
  const suspended = job.spec.suspend === true;
  if (!suspended && !status.startTime) status.startTime = timestamp(now);
  if (statusTrue(status, 'FailureTarget') || statusTrue(status, 'SuccessCriteriaMet')) return { finishing: true };
  if ((status.failed ?? 0) > (job.spec.backoffLimit ?? 6)) {
    setCondition(status, 'FailureTarget', 'True', BACKOFF_LIMIT_EXCEEDED, now);
    return { finishing: true };
  }
  if (succeeded(job, status, active)) {
    setCondition(status, 'SuccessCriteriaMet', 'True', COMPLETIONS_REACHED, now);
    return { finishing: true };
  }
  const ads = job.spec.activeDeadlineSeconds;
  if (ads === undefined || ads === null || suspended || !status.startTime) return { finishing: false };
  const end = Date.parse(status.startTime) + ads * 1000;
  if (now < end) return { finishing: false, recheckAfterMs: end - now };
  setCondition(status, 'FailureTarget', 'True', DEADLINE_EXCEEDED, now);
  return { finishing: true };
}

function succeeded(job: Obj, status: Obj, active: Obj[]): boolean {
  const completions = job.spec.completions;
  if (completions === undefined || completions === null) return (status.succeeded ?? 0) > 0 && active.length === 0;
  if (isIndexed(job)) return parseIndexes(status.completedIndexes).size >= completions;
  return (status.succeeded ?? 0) >= completions;
}

/** once no pod runs or holds the finalizer, the target condition becomes Complete or Failed */
export function finishIfDone(recorder: EventRecorder, job: Obj, status: Obj, pods: Obj[], now: number): void {
  const busy = pods.some((p) => isActive(p) || isTerminating(p) || hasTrackingFinalizer(p));
  const uncounted = (status.uncountedTerminatedPods?.succeeded ?? []).length + (status.uncountedTerminatedPods?.failed ?? []).length;
  if (busy || uncounted > 0) return;
  const target = (status.conditions as Obj[]).find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True')!;
  const why = { reason: target.reason, message: target.message };
  if (target.type === 'SuccessCriteriaMet') {
    setCondition(status, 'Complete', 'True', why, now);
    status.completionTime = timestamp(now);
    recorder.event(job, 'Normal', 'Completed', 'Job completed');
  } else {
    setCondition(status, 'Failed', 'True', why, now);
    recorder.event(job, 'Warning', why.reason, why.message);
  }
}

/** the Suspended condition and its events; true while the Job is suspended */
export function updateSuspension(recorder: EventRecorder, job: Obj, status: Obj, now: number): boolean {
  if (job.spec.suspend === true) {
    if (setCondition(status, 'Suspended', 'True', { reason: 'JobSuspended', message: 'Job suspended' }, now)) recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
    return true;
  }
  if (statusTrue(status, 'Suspended')) {
    setCondition(status, 'Suspended', 'False', { reason: 'JobResumed', message: 'Job resumed' }, now);
    status.startTime = timestamp(now);
    recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
  }
  return false;
}
