// Upstream's Job strategy generates the selector (unless spec.manualSelector) from the Job's uid, which
// only exists once the storage assigned it; like upstream, this runs at validation time.
import { child, isObj, type Obj } from './util';

const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
const LEGACY_CONTROLLER_UID = 'controller-uid';
const JOB_NAME = 'batch.kubernetes.io/job-name';
const LEGACY_JOB_NAME = 'job-name';

export function generateJobSelector(job: Obj): void {
  const spec = child(job, 'spec');
  if (spec.manualSelector === true) return;
  const uid = job.metadata?.uid;
  const name = job.metadata?.name;
  if (!uid || !name) return;
  const template = child(spec, 'template');
  const labels = child(child(template, 'metadata'), 'labels');
  for (const k of [LEGACY_JOB_NAME, JOB_NAME]) if (labels[k] === undefined) labels[k] = name;
  for (const k of [LEGACY_CONTROLLER_UID, CONTROLLER_UID]) if (labels[k] === undefined) labels[k] = uid;
  const selector = child(spec, 'selector');
  const matchLabels = child(selector, 'matchLabels');
  if (matchLabels[CONTROLLER_UID] === undefined) matchLabels[CONTROLLER_UID] = uid;
  // batch/v1 defaulting copies template labels to a Job that has none.
  const meta = child(job, 'metadata');
  if (!isObj(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
}
