// The pods of a Job: how the controller builds them from the template (labels, owner, the tracking
// finalizer, the completion index) and how it reads their state.
import type { Obj } from '../client';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

export const isIndexed = (job: Obj): boolean => job.spec?.completionMode === 'Indexed';

export function newJobPod(job: Obj, index?: number): Obj {
  const template = structuredClone(job.spec.template ?? {});
  const meta = template.metadata ?? {};
  const labels: Record<string, string> = {
    ...(meta.labels ?? {}),
    [CONTROLLER_UID_LABEL]: job.metadata.uid,
    [JOB_NAME_LABEL]: job.metadata.name,
    'controller-uid': job.metadata.uid,
    'job-name': job.metadata.name,
  };
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  if (index !== undefined) {
    labels[COMPLETION_INDEX] = String(index);
    annotations[COMPLETION_INDEX] = String(index);
  }
  const spec = template.spec ?? {};
  if (index !== undefined) {
    const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } };
    spec.containers = (spec.containers ?? []).map((c: Obj) => ({ ...c, env: [...(c.env ?? []), env] }));
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`,
      namespace: job.metadata.namespace,
      labels,
      annotations,
      finalizers: [JOB_TRACKING_FINALIZER],
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  };
}

export const indexOf = (pod: Obj): number | undefined => {
  const v = pod.metadata?.annotations?.[COMPLETION_INDEX] ?? pod.metadata?.labels?.[COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
};

export const hasTrackingFinalizer = (pod: Obj): boolean => (pod.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
export const isSucceeded = (pod: Obj): boolean => pod.status?.phase === 'Succeeded';
/** a pod deleted before it succeeded counts as failed (upstream's TerminatingOrFailed replacement) */
export const isFailed = (pod: Obj): boolean => pod.status?.phase === 'Failed' || (!!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded');
export const isFinished = (pod: Obj): boolean => isSucceeded(pod) || isFailed(pod);
export const isActive = (pod: Obj): boolean => !isFinished(pod);
export const isTerminating = (pod: Obj): boolean => !!pod.metadata?.deletionTimestamp && !['Succeeded', 'Failed'].includes(pod.status?.phase);
export const isReady = (pod: Obj): boolean => (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');

/** "1,3-5" ⇄ a set of indexes, as status.completedIndexes writes them */
export function parseIndexes(s: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (s ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

export function formatIndexes(set: Set<number>): string {
  const sorted = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
