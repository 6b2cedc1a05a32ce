// apps/v1 and batch/v1 defaults (upstream pkg/apis/apps/v1 and batch/v1 defaults.go).
import { defaultPvc } from './storage';
import { defaultTemplate } from './pod-spec';
import { arr, child, isObj, setIfEmpty, setIfMissing, type Obj } from './util';

export function defaultDeployment(d: Obj): void {
  const spec = child(d, 'spec');
  setIfMissing(spec, 'replicas', 1);
  const strategy = child(spec, 'strategy');
  setIfEmpty(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate');
    setIfMissing(ru, 'maxUnavailable', '25%');
    setIfMissing(ru, 'maxSurge', '25%');
  }
  setIfMissing(spec, 'revisionHistoryLimit', 10);
  setIfMissing(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(spec);
}

export function defaultReplicaSet(rs: Obj): void {
  const spec = child(rs, 'spec');
  setIfMissing(spec, 'replicas', 1);
  defaultTemplate(spec);
}

export function defaultStatefulSet(s: Obj): void {
  const spec = child(s, 'spec');
  setIfEmpty(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = child(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    setIfMissing(strategy, 'rollingUpdate', {});
  }
  if (strategy.type === 'RollingUpdate' && isObj(strategy.rollingUpdate)) setIfMissing(strategy.rollingUpdate, 'partition', 0);
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
  setIfEmpty(retention, 'whenDeleted', 'Retain');
  setIfEmpty(retention, 'whenScaled', 'Retain');
  setIfMissing(spec, 'replicas', 1);
  setIfMissing(spec, 'revisionHistoryLimit', 10);
  for (const pvc of arr(spec.volumeClaimTemplates)) defaultPvc(pvc);
  defaultTemplate(spec);
}

export function defaultDaemonSet(ds: Obj): void {
  const spec = child(ds, 'spec');
  const strategy = child(spec, 'updateStrategy');
  setIfEmpty(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate');
    setIfMissing(ru, 'maxUnavailable', 1);
    setIfMissing(ru, 'maxSurge', 0);
  }
  setIfMissing(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(spec);
}

export function defaultJob(job: Obj): void {
  const spec = child(job, 'spec');
  // A non-parallel job may leave both unset; then both are 1.
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfMissing(spec, 'parallelism', 1);
  setIfMissing(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6);
  setIfEmpty(spec, 'completionMode', 'NonIndexed');
  setIfMissing(spec, 'suspend', false);
  setIfMissing(spec, 'manualSelector', false);
  if (isObj(spec.podFailurePolicy)) {
    for (const rule of arr(spec.podFailurePolicy.rules)) for (const c of arr(rule.onPodConditions)) setIfEmpty(c, 'status', 'True');
  }
  setIfEmpty(spec, 'podReplacementPolicy', isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed');
  const templateLabels = spec.template?.metadata?.labels;
  const meta = child(job, 'metadata');
  if (isObj(templateLabels) && (!isObj(meta.labels) || Object.keys(meta.labels).length === 0)) meta.labels = { ...templateLabels };
  defaultTemplate(spec);
}

export function defaultCronJob(cj: Obj): void {
  const spec = child(cj, 'spec');
  setIfEmpty(spec, 'concurrencyPolicy', 'Allow');
  setIfMissing(spec, 'suspend', false);
  setIfMissing(spec, 'successfulJobsHistoryLimit', 3);
  setIfMissing(spec, 'failedJobsHistoryLimit', 1);
  if (isObj(spec.jobTemplate)) defaultTemplate(child(spec.jobTemplate, 'spec'));
}

export function defaultControllerRevision(_cr: Obj): void {}
