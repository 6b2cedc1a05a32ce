// Job conditions as upstream's job controller writes them (1.33: SuccessCriteriaMet / FailureTarget
// first, Complete / Failed once no pod is left running).
import { timestamp, type Obj } from '../client';

export const COMPLETIONS_REACHED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
export const BACKOFF_LIMIT_EXCEEDED = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
export const DEADLINE_EXCEEDED = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };

export const conditionOf = (job: Obj, type: string): Obj | undefined => (job.status?.conditions ?? []).find((c: Obj) => c.type === type);
export const isTrue = (job: Obj, type: string): boolean => conditionOf(job, type)?.status === 'True';
export const isJobFinished = (job: Obj): boolean => isTrue(job, 'Complete') || isTrue(job, 'Failed');

/** sets (or flips) a condition on a mutable status; returns whether anything changed */
export function setCondition(status: Obj, type: string, value: 'True' | 'False', why: { reason: string; message: string }, now: number): boolean {
  const conditions: Obj[] = (status.conditions ??= []);
  const existing = conditions.find((c) => c.type === type);
  const ts = timestamp(now);
  if (existing) {
    if (existing.status === value && existing.reason === why.reason && existing.message === why.message) return false;
    if (existing.status !== value) existing.lastTransitionTime = ts;
    Object.assign(existing, { status: value, reason: why.reason, message: why.message, lastProbeTime: ts });
    return true;
  }
  conditions.push({ type, status: value, lastProbeTime: ts, lastTransitionTime: ts, reason: why.reason, message: why.message });
  return true;
}
