// apps/v1 spec checks: replicas, selector/template match, strategies, immutable selector.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { enumOf, forbidden, goSelector, immutable, invalid, nonNegative } from './errors';
import { validatePodTemplate } from './pod';
import { validateSelectorAndTemplate } from './selector';

type Obj = Record<string, any>;
const ALWAYS = { restartPolicies: ['Always'] };

const intOrPercent = (v: unknown): { value: number; percent: boolean } | undefined => {
  if (typeof v === 'number') return { value: v, percent: false };
  if (typeof v === 'string' && /^-?\d+%$/.test(v)) return { value: parseInt(v, 10), percent: true };
  return undefined;
};

function validateIntOrPercent(v: unknown, path: string): StatusCause[] {
  if (v === undefined || v === null) return [];
  const parsed = intOrPercent(v);
  if (!parsed) return [invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  if (parsed.value < 0) return [invalid(path, v, 'must be greater than or equal to 0')];
  if (parsed.percent && parsed.value > 100) return [invalid(path, v, 'must not be greater than 100%')];
  return [];
}

const isZero = (v: unknown): boolean => intOrPercent(v)?.value === 0;

function validateRollingUpdate(ru: Obj, path: string): StatusCause[] {
  const causes = [...validateIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`), ...validateIntOrPercent(ru.maxSurge, `${path}.maxSurge`)];
  if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
    causes.push(invalid(`${path}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  return causes;
}

function validateReplicated(spec: Obj, kindWord: string): StatusCause[] {
  return [
    ...nonNegative('spec.replicas', spec.replicas),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...validateSelectorAndTemplate(spec, 'spec', kindWord),
    ...validatePodTemplate(spec.template, 'spec.template', ALWAYS),
  ];
}

export function validateDeployment(d: Obj): StatusCause[] {
  const spec = d.spec ?? {};
  const causes = validateReplicated(spec, 'deployment');
  const strategy = spec.strategy ?? {};
  causes.push(...enumOf('spec.strategy.type', strategy.type, ['Recreate', 'RollingUpdate'], true));
  if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
    causes.push(forbidden('spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is \'Recreate\''));
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) causes.push(...validateRollingUpdate(strategy.rollingUpdate, 'spec.strategy.rollingUpdate'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    causes.push(...nonNegative('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      causes.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return causes;
}

export const validateReplicaSet = (rs: Obj): StatusCause[] => validateReplicated(rs.spec ?? {}, 'replicaset');

/**
 * A StatefulSet's containers mount its volumeClaimTemplates by name, though the template lists no
 * such volume: the controller adds one claim volume per template to each pod. Validate the template
 * as the pods will be, as upstream validates the union of both.
 */
const withClaimVolumes = (spec: Obj): Obj => {
  const claims: Obj[] = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
  const template = spec.template;
  if (claims.length === 0 || !template || typeof template !== 'object') return spec;
  const own: Obj[] = Array.isArray(template.spec?.volumes) ? template.spec.volumes : [];
  const added = claims
    .map((c) => c?.metadata?.name)
    .filter((name): name is string => typeof name === 'string' && !own.some((v) => v?.name === name))
    .map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
  return { ...spec, template: { ...template, spec: { ...template.spec, volumes: [...own, ...added] } } };
};

export function validateStatefulSet(s: Obj): StatusCause[] {
  const spec = s.spec ?? {};
  const causes = validateReplicated(withClaimVolumes(spec), 'statefulset');
  causes.push(...enumOf('spec.podManagementPolicy', spec.podManagementPolicy, ['OrderedReady', 'Parallel'], true));
  causes.push(...enumOf('spec.updateStrategy.type', spec.updateStrategy?.type, ['RollingUpdate', 'OnDelete'], true));
  causes.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', spec.updateStrategy?.rollingUpdate?.partition));
  return causes;
}

export function validateDaemonSet(ds: Obj): StatusCause[] {
  const spec = ds.spec ?? {};
  const causes = [
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...validateSelectorAndTemplate(spec, 'spec', 'daemonset'),
    ...validatePodTemplate(spec.template, 'spec.template', ALWAYS),
  ];
  const strategy = spec.updateStrategy ?? {};
  causes.push(...enumOf('spec.updateStrategy.type', strategy.type, ['OnDelete', 'RollingUpdate'], true));
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    const ru = strategy.rollingUpdate;
    causes.push(...validateIntOrPercent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
    causes.push(...validateIntOrPercent(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge'));
    if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
      causes.push(invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  return causes;
}

const stable = (v: unknown): string => JSON.stringify(v ?? null);

/** apps/v1 selectors cannot change after creation. */
export function validateSelectorUpdate(obj: Obj, old: Obj): StatusCause[] {
  return stable(obj.spec?.selector) === stable(old.spec?.selector) ? [] : [immutable('spec.selector', goSelector(obj.spec?.selector))];
}

/** StatefulSets allow only a few spec fields to change. */
export function validateStatefulSetUpdate(s: Obj, old: Obj): StatusCause[] {
  const mutable = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds', 'revisionHistoryLimit'];
  const strip = (spec: Obj | undefined) => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !mutable.includes(k)).sort());
  if (stable(strip(s.spec)) === stable(strip(old.spec))) return [];
  return [forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}
