// PriorityClass validation (upstream's ValidatePriorityClass/Update): names with the system- prefix
// are only the built-in classes, user classes stay at or below one billion, value is immutable.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { invalid, notSupported } from './errors';

type Obj = Record<string, any>;

export const HIGHEST_USER_PRIORITY = 1_000_000_000;
const SYSTEM_PREFIX = 'system-';
const SYSTEM_CLASSES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };
const POLICIES = ['Never', 'PreemptLowerPriority'];

const systemClassError = (name: string, value: unknown): string | undefined => {
  const known = SYSTEM_CLASSES[name];
  if (known === undefined) return `${name} is not a known system priority class`;
  if (known !== value) return `value of ${name} PriorityClass must be ${known}`;
  return undefined;
};

export function validatePriorityClass(pc: Obj): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = String(pc.metadata?.name ?? '');
  if (name.startsWith(SYSTEM_PREFIX)) {
    const err = systemClassError(name, pc.value);
    if (err) causes.push({ reason: 'FieldValueForbidden', field: 'metadata.name', message: `Forbidden: priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${err}` });
  } else if (typeof pc.value === 'number' && pc.value > HIGHEST_USER_PRIORITY) {
    causes.push({ reason: 'FieldValueForbidden', field: 'value', message: `Forbidden: maximum allowed value of a user defined priority is ${HIGHEST_USER_PRIORITY}` });
  }
  if (typeof pc.value !== 'number' || !Number.isInteger(pc.value)) causes.push(invalid('value', pc.value ?? '', 'must be an integer'));
  if (pc.preemptionPolicy !== undefined && !POLICIES.includes(pc.preemptionPolicy)) causes.push(notSupported('preemptionPolicy', pc.preemptionPolicy, POLICIES));
  return causes;
}

export function validatePriorityClassUpdate(pc: Obj, old: Obj): StatusCause[] {
  const causes: StatusCause[] = [];
  if (pc.value !== old.value) causes.push({ reason: 'FieldValueForbidden', field: 'value', message: 'Forbidden: may not be changed in an update.' });
  if ((pc.preemptionPolicy ?? 'PreemptLowerPriority') !== (old.preemptionPolicy ?? 'PreemptLowerPriority')) {
    causes.push(invalid('preemptionPolicy', pc.preemptionPolicy, 'field is immutable'));
  }
  return causes;
}
