// Namespace, Secret, Node, HorizontalPodAutoscaler and RBAC defaults.
import { arr, child, isObj, setIfEmpty, setIfMissing, type Obj } from './util';

export function defaultNamespace(ns: Obj): void {
  const name = ns.metadata?.name;
  // The immutable kubernetes.io/metadata.name label lets selectors pick namespaces by name.
  if (typeof name === 'string' && name !== '') child(child(ns, 'metadata'), 'labels')['kubernetes.io/metadata.name'] = name;
  setIfEmpty(child(ns, 'status'), 'phase', 'Active');
}

/** Secret stringData is write-only: merged into data (base64) and dropped, as the v1 conversion does. */
export function defaultSecret(secret: Obj): void {
  setIfEmpty(secret, 'type', 'Opaque');
  if (isObj(secret.stringData)) {
    const data = child(secret, 'data');
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
  }
  delete secret.stringData;
}

export function defaultNode(node: Obj): void {
  const status = node.status;
  if (isObj(status) && isObj(status.capacity) && !isObj(status.allocatable)) status.allocatable = { ...status.capacity };
}

const scaleUpRules = (rules: Obj | undefined): Obj => ({
  ...rules,
  stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? 0,
  selectPolicy: rules?.selectPolicy ?? 'Max',
  policies: arr(rules?.policies).length > 0 ? rules!.policies : [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});

const scaleDownRules = (rules: Obj | undefined): Obj => ({
  ...rules,
  selectPolicy: rules?.selectPolicy ?? 'Max',
  policies: arr(rules?.policies).length > 0 ? rules!.policies : [{ type: 'Percent', value: 100, periodSeconds: 15 }],
});

export function defaultHpa(hpa: Obj): void {
  const spec = child(hpa, 'spec');
  setIfMissing(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  // Only a behavior the user wrote is filled in; without one the controller uses the same values implicitly.
  if (isObj(spec.behavior)) {
    spec.behavior.scaleUp = scaleUpRules(spec.behavior.scaleUp);
    spec.behavior.scaleDown = scaleDownRules(spec.behavior.scaleDown);
  }
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function defaultBinding(binding: Obj): void {
  if (isObj(binding.roleRef)) setIfEmpty(binding.roleRef, 'apiGroup', RBAC_GROUP);
  for (const s of arr(binding.subjects)) {
    if (s.kind === 'User' || s.kind === 'Group') setIfEmpty(s, 'apiGroup', RBAC_GROUP);
    else if (s.kind === 'ServiceAccount') setIfMissing(s, 'apiGroup', '');
  }
}
