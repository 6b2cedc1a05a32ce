// Pod-only defaults: what SetDefaults_Pod adds beyond the spec, plus what the default admission chain
// (ServiceAccount, Priority, DefaultTolerationSeconds) sets on every Pod a real cluster stores.
import { defaultPodSpec } from './pod-spec';
import { arr, child, isObj, setIfEmpty, setIfMissing, type Obj } from './util';

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

function defaultRequestsFromLimits(c: Obj): void {
  if (!isObj(c.resources) || !isObj(c.resources.limits)) return;
  const requests = child(c.resources, 'requests');
  for (const [k, v] of Object.entries(c.resources.limits)) setIfMissing(requests, k, v);
}

/** In-place resize (on by default since 1.33): requested cpu/memory can change without a restart. */
function defaultResizePolicy(c: Obj): void {
  const requests = c.resources?.requests;
  if (!isObj(requests)) return;
  const policies = arr(c.resizePolicy);
  for (const resourceName of ['cpu', 'memory']) {
    if (requests[resourceName] !== undefined && !policies.some((p) => p.resourceName === resourceName)) {
      policies.push({ resourceName, restartPolicy: 'NotRequired' });
    }
  }
  if (policies.length > 0) c.resizePolicy = policies;
}

/** DefaultTolerationSeconds admission: tolerate not-ready/unreachable NoExecute for 300 s unless the pod says otherwise. */
function defaultTolerations(spec: Obj): void {
  const tolerations = arr(spec.tolerations);
  const covers = (key: string): boolean =>
    tolerations.some((t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || (!t.key && t.operator === 'Exists')));
  const added: Obj[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!covers(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

export function defaultPod(pod: Obj): void {
  const spec = child(pod, 'spec');
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) defaultRequestsFromLimits(c);
  for (const c of arr(spec.containers)) defaultResizePolicy(c);
  setIfMissing(spec, 'enableServiceLinks', true);
  setIfEmpty(spec, 'serviceAccountName', 'default');
  defaultPodSpec(spec, true);
  setIfMissing(spec, 'priority', 0);
  setIfEmpty(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  defaultTolerations(spec);
}
