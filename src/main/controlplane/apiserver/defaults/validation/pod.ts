// Pod spec and Pod update checks, in upstream wording.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { validateContainers } from './containers';
import { duplicate, enumOf, forbidden, invalid, required } from './errors';
import { validateLabels, validateAnnotations } from './meta';
import { isDns1123Label } from './names';
import { validateScheduling } from './scheduling';

type Obj = Record<string, any>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

function validateVolumes(spec: Obj, path: string): { causes: StatusCause[]; names: Set<string> } {
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  list(spec.volumes).forEach((v, i) => {
    const at = `${path}.volumes[${i}]`;
    if (!v.name) causes.push(required(`${at}.name`));
    else {
      for (const msg of isDns1123Label(v.name)) causes.push(invalid(`${at}.name`, v.name, msg));
      if (names.has(v.name)) causes.push(duplicate(`${at}.name`, v.name));
      names.add(v.name);
    }
  });
  return { causes, names };
}

export interface PodSpecOptions {
  /** the restart policies this owner allows (Deployment templates: Always only) */
  restartPolicies?: string[];
}

export function validatePodSpec(spec: Obj | undefined, path: string, opts: PodSpecOptions = {}): StatusCause[] {
  if (!spec) return [required(path)];
  const { causes, names } = validateVolumes(spec, path);
  causes.push(...validateContainers(spec, path, names));
  const allowed = opts.restartPolicies ?? RESTART_POLICIES;
  causes.push(...enumOf(`${path}.restartPolicy`, spec.restartPolicy, allowed, true));
  causes.push(...enumOf(`${path}.dnsPolicy`, spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], true));
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds < 1) {
    causes.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    causes.push(invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  if (spec.hostname) for (const msg of isDns1123Label(spec.hostname)) causes.push(invalid(`${path}.hostname`, spec.hostname, msg));
  causes.push(...validateScheduling(spec, path));
  return causes;
}

/** A pod template: its labels/annotations and spec. */
export function validatePodTemplate(template: Obj | undefined, path: string, opts: PodSpecOptions = {}): StatusCause[] {
  if (!template) return [required(path)];
  return [
    ...validateLabels(template.metadata?.labels, `${path}.metadata.labels`),
    ...validateAnnotations(template.metadata?.annotations, `${path}.metadata.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`, opts),
  ];
}

const MUTABLE_MSG =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The spec with everything a pod update may change replaced by the old values (upstream "munged" spec). */
function mungeSpec(spec: Obj, old: Obj): Obj {
  const munged = structuredClone(spec);
  const copyImages = (field: string) =>
    list(munged[field]).forEach((c, i) => {
      const before = list(old[field])[i];
      if (before) c.image = before.image;
    });
  copyImages('containers');
  copyImages('initContainers');
  munged.activeDeadlineSeconds = old.activeDeadlineSeconds;
  munged.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  // Tolerations may only be added to, and scheduling gates only removed.
  const oldTolerations = list(old.tolerations).map((t) => JSON.stringify(t));
  if (oldTolerations.every((t) => list(munged.tolerations).some((n) => JSON.stringify(n) === t))) munged.tolerations = old.tolerations;
  const gates = list(munged.schedulingGates).map((g) => g.name);
  if (gates.every((g) => list(old.schedulingGates).some((o) => o.name === g))) munged.schedulingGates = old.schedulingGates;
  if (!old.nodeName) munged.nodeName = old.nodeName;
  return munged;
}

const stable = (v: unknown): string => JSON.stringify(v, (_k, val) => (val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.entries(val).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : val));

function changedKeys(a: Obj, b: Obj): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => stable(a[k]) !== stable(b[k])).sort();
}

const goField = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);
const shown = (v: unknown): string => (v === undefined ? 'nil' : JSON.stringify(v));

/** A diff in the spirit of the cmp.Diff upstream appends: the fields that may not change, old then new. */
function specDiff(changed: string[], before: Obj, after: Obj): string {
  const lines = changed.flatMap((k) => [`- \t${goField(k)}: ${shown(before[k])},`, `+ \t${goField(k)}: ${shown(after[k])},`]);
  return `  core.PodSpec{\n  \t... // ${Object.keys(before).length - changed.length} identical fields\n${lines.join('\n')}\n  }\n`;
}

export function validatePodUpdate(pod: Obj, old: Obj): StatusCause[] {
  const spec = pod.spec ?? {};
  const oldSpec = old.spec ?? {};
  const causes: StatusCause[] = [];
  if (typeof oldSpec.activeDeadlineSeconds === 'number' && (typeof spec.activeDeadlineSeconds !== 'number' || spec.activeDeadlineSeconds > oldSpec.activeDeadlineSeconds)) {
    causes.push(invalid('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds ?? null, 'must be less than or equal to previous value'));
  }
  const munged = mungeSpec(spec, oldSpec);
  const changed = changedKeys(munged, oldSpec);
  if (changed.length > 0) causes.push(forbidden('spec', `${MUTABLE_MSG}\n${specDiff(changed, oldSpec, munged)}`));
  return causes;
}
