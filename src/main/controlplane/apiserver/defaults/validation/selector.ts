// Label selector checks shared by workloads: required, non-empty, well-formed, matching the template.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { goMap, goSelector, invalid, notSupported, required } from './errors';
import { validateLabels } from './meta';
import { isQualifiedName, isValidLabelValue } from './names';

type Obj = Record<string, any>;

/** Does a metav1.LabelSelector select these labels? */
export function selectorMatches(selector: Obj, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values: string[] = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const isEmptySelector = (s: Obj): boolean =>
  Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;

function validateSelectorSyntax(s: Obj, path: string): StatusCause[] {
  const causes = validateLabels(s.matchLabels, `${path}.matchLabels`);
  (s.matchExpressions ?? []).forEach((e: Obj, i: number) => {
    const at = `${path}.matchExpressions[${i}]`;
    for (const msg of isQualifiedName(String(e.key ?? ''))) causes.push(invalid(`${at}.key`, e.key, msg));
    const values: unknown[] = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) causes.push(required(`${at}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) causes.push({ reason: 'FieldValueForbidden', field: `${at}.values`, message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
    } else {
      causes.push(notSupported(`${at}.operator`, e.operator, ['In', 'NotIn', 'Exists', 'DoesNotExist']));
    }
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(String(v))) causes.push(invalid(`${at}.values[${j}]`, v, msg));
    });
  });
  return causes;
}

/**
 * The selector of a workload (spec.selector) against its pod template labels, as upstream's
 * ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateJobSpec do it.
 */
export function validateSelectorAndTemplate(spec: Obj, path: string, kindWord: string): StatusCause[] {
  const selector = spec.selector;
  if (!selector) return [required(`${path}.selector`)];
  const causes = validateSelectorSyntax(selector, `${path}.selector`);
  if (isEmptySelector(selector)) {
    causes.push(invalid(`${path}.selector`, goSelector(selector), `empty selector is invalid for ${kindWord}`));
    return causes;
  }
  const labels = spec.template?.metadata?.labels ?? {};
  if (causes.length === 0 && !selectorMatches(selector, labels)) {
    causes.push(invalid(`${path}.template.metadata.labels`, goMap(labels), '`selector` does not match template `labels`'));
  }
  return causes;
}
