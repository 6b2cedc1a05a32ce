// batch/v1 checks: Job spec (restart policy, counts, selector) and CronJob spec (schedule, time zone).
import type { StatusCause } from '../../../../../shared/k8s/status';
import { enumOf, goSelector, GoRepr, immutable, invalid, nonNegative, required } from './errors';
import { cronScheduleError, isValidTimeZone } from './cron';
import { maxLenError } from './names';
import { validatePodTemplate } from './pod';
import { validateSelectorAndTemplate } from './selector';

type Obj = Record<string, any>;
const JOB_RESTART = { restartPolicies: ['OnFailure', 'Never'] };

function validateJobSpec(spec: Obj, path: string, withSelector: boolean): StatusCause[] {
  const causes = [
    ...nonNegative(`${path}.parallelism`, spec.parallelism),
    ...nonNegative(`${path}.completions`, spec.completions),
    ...nonNegative(`${path}.backoffLimit`, spec.backoffLimit),
    ...nonNegative(`${path}.ttlSecondsAfterFinished`, spec.ttlSecondsAfterFinished),
  ];
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    causes.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be greater than 0'));
  }
  causes.push(...enumOf(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
  if (spec.completionMode === 'Indexed' && spec.completions == null) {
    causes.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  }
  if (withSelector) causes.push(...validateSelectorAndTemplate(spec, path, 'job'));
  causes.push(...validatePodTemplate(spec.template, `${path}.template`, JOB_RESTART));
  return causes;
}

export const validateJob = (job: Obj): StatusCause[] => validateJobSpec(job.spec ?? {}, 'spec', true);

const stable = (v: unknown): string => JSON.stringify(v ?? null);

export function validateJobUpdate(job: Obj, old: Obj): StatusCause[] {
  const spec = job.spec ?? {};
  const oldSpec = old.spec ?? {};
  const causes: StatusCause[] = [];
  if (stable(spec.selector) !== stable(oldSpec.selector)) causes.push(immutable('spec.selector', goSelector(spec.selector)));
  if (spec.completions !== oldSpec.completions && spec.completionMode !== 'Indexed') causes.push(immutable('spec.completions', spec.completions ?? null));
  if (spec.completionMode !== oldSpec.completionMode) causes.push(immutable('spec.completionMode', spec.completionMode ?? null));
  // The template may change only while the job is suspended and has not started.
  const templateFrozen = !(spec.suspend === true && !old.status?.startTime);
  if (templateFrozen && stable(spec.template) !== stable(oldSpec.template)) {
    causes.push(invalid('spec.template', new GoRepr('core.PodTemplateSpec{...}'), 'field is immutable'));
  }
  return causes;
}

const CRONJOB_MAX_NAME = 52;

function validateTimeZone(tz: unknown): StatusCause[] {
  if (tz === undefined || tz === null) return [];
  const field = 'spec.timeZone';
  if (tz === '') return [invalid(field, tz, 'timeZone must be nil or non-empty string')];
  if (String(tz).toLowerCase() === 'local') {
    return [invalid(field, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  }
  return isValidTimeZone(String(tz)) ? [] : [invalid(field, tz, `unknown time zone ${tz}`)];
}

export function validateCronJob(cj: Obj): StatusCause[] {
  const spec = cj.spec ?? {};
  const causes: StatusCause[] = [];
  const name = cj.metadata?.name;
  // Job names get an 11-character suffix and must still fit a label value.
  if (typeof name === 'string' && name.length > CRONJOB_MAX_NAME) causes.push(invalid('metadata.name', name, maxLenError(CRONJOB_MAX_NAME)));
  if (typeof spec.schedule !== 'string' || spec.schedule === '') causes.push(required('spec.schedule'));
  else if (/(^|\s)(CRON_)?TZ=/.test(spec.schedule)) {
    causes.push(invalid('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  } else {
    const err = cronScheduleError(spec.schedule);
    if (err) causes.push(invalid('spec.schedule', spec.schedule, err));
  }
  causes.push(...validateTimeZone(spec.timeZone));
  causes.push(...enumOf('spec.concurrencyPolicy', spec.concurrencyPolicy, ['Allow', 'Forbid', 'Replace'], true));
  causes.push(...nonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
  causes.push(...nonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit));
  causes.push(...nonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));
  causes.push(...validateJobSpec(spec.jobTemplate?.spec ?? {}, 'spec.jobTemplate.spec', false));
  return causes;
}
