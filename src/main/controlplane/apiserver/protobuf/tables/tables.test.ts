// The tables against the OpenAPI definitions: every field the server knows for a covered message
// has a field number, so nothing kubectl sets is dropped for want of an entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDefinitions } from '../../schema/definitions';
import { MessageTables, parseField } from '.';

const defs = loadDefinitions();
const tables = new MessageTables();

const namesOf = (definition: string): Set<string> => {
  const out = new Set<string>();
  for (const f of tables.get(definition)?.values() ?? []) {
    if (f.inline) for (const n of namesOf(f.inline)) out.add(n);
    else out.add(f.name);
  }
  return out;
};

test('every field of every covered definition has a field number', () => {
  const missing: string[] = [];
  let covered = 0;
  for (const name of tables.names()) {
    const def = defs[name];
    if (!def?.properties) continue;
    covered++;
    const known = namesOf(name);
    for (const prop of Object.keys(def.properties)) if (prop !== 'apiVersion' && prop !== 'kind' && !known.has(prop)) missing.push(`${name}.${prop}`);
  }
  assert.deepEqual(missing, []);
  assert.ok(covered > 300, `only ${covered} definitions covered`);
});

test('the kinds kubectl 1.32+ sends as protobuf all have tables', () => {
  const kinds = [
    'io.k8s.api.core.v1.Namespace', 'io.k8s.api.core.v1.ConfigMap', 'io.k8s.api.core.v1.Secret', 'io.k8s.api.core.v1.Service',
    'io.k8s.api.core.v1.ServiceAccount', 'io.k8s.api.core.v1.Pod', 'io.k8s.api.core.v1.Binding', 'io.k8s.api.core.v1.ResourceQuota',
    'io.k8s.api.apps.v1.Deployment', 'io.k8s.api.batch.v1.Job', 'io.k8s.api.batch.v1.CronJob', 'io.k8s.api.policy.v1.PodDisruptionBudget',
    'io.k8s.api.policy.v1.Eviction', 'io.k8s.api.rbac.v1.Role', 'io.k8s.api.rbac.v1.RoleBinding', 'io.k8s.api.rbac.v1.ClusterRole',
    'io.k8s.api.rbac.v1.ClusterRoleBinding', 'io.k8s.api.networking.v1.Ingress', 'io.k8s.api.scheduling.v1.PriorityClass',
    'io.k8s.api.authorization.v1.SelfSubjectAccessReview', 'io.k8s.api.authentication.v1.TokenRequest', 'io.k8s.api.autoscaling.v1.Scale',
    'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  ];
  assert.deepEqual(kinds.filter((k) => !tables.get(k)), []);
});

test('entries parse: numbers, omission of Go zero values, special encodings, inline and typed messages', () => {
  assert.deepEqual(parseField('4 targetPort?@ios', 'p'), { number: 4, name: 'targetPort', omitZero: true, special: 'ios' });
  assert.deepEqual(parseField('2 =VolumeSource', 'p'), { number: 2, name: '', omitZero: false, inline: 'p.VolumeSource' });
  assert.deepEqual(parseField('2 spec:TokenRequestSpec', 'p'), { number: 2, name: 'spec', omitZero: false, message: 'p.TokenRequestSpec' });
  assert.throws(() => parseField('x name', 'p'), /bad protobuf field entry/);
  assert.throws(() => parseField('1 name@nope', 'p'), /bad protobuf special/);
});
