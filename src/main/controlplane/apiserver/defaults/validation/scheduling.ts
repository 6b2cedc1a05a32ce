// Pod scheduling fields: nodeSelector labels and tolerations (upstream validateTolerations).
import type { StatusCause } from '../../../../../shared/k8s/status';
import { invalid, notSupported, required } from './errors';
import { validateLabels } from './meta';
import { isQualifiedName } from './names';

type Obj = Record<string, any>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateToleration(t: Obj, at: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (t.key) for (const msg of isQualifiedName(t.key)) causes.push(invalid(`${at}.key`, t.key, msg));
  if (!t.key && t.operator !== 'Exists') causes.push(invalid(`${at}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
    causes.push(invalid(`${at}.effect`, t.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'));
  }
  switch (t.operator ?? 'Equal') {
    case 'Equal':
      break;
    case 'Exists':
      if (t.value) causes.push(invalid(`${at}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
      break;
    default:
      causes.push(notSupported(`${at}.operator`, t.operator, ['Equal', 'Exists']));
  }
  if (t.effect && !EFFECTS.includes(t.effect)) causes.push(notSupported(`${at}.effect`, t.effect, EFFECTS));
  return causes;
}

export function validateScheduling(spec: Obj, path: string): StatusCause[] {
  const causes = validateLabels(spec.nodeSelector, `${path}.nodeSelector`);
  list(spec.tolerations).forEach((t, i) => causes.push(...validateToleration(t, `${path}.tolerations[${i}]`)));
  list(spec.schedulingGates).forEach((g, i) => {
    if (!g.name) causes.push(required(`${path}.schedulingGates[${i}].name`));
  });
  return causes;
}
