import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../shared/k8s/status';
import { createFieldManager } from './fieldmanager';
import { deployment, deploymentSchema } from './testschema';
import type { ApplyRequest } from './types';

const fm = createFieldManager();
const T1 = '2026-01-01T00:00:00Z';
const T2 = '2026-01-01T00:01:00Z';

const apply = (live: Record<string, any> | undefined, applied: Record<string, any>, manager: string, extra: Partial<ApplyRequest> = {}) =>
  fm.apply({ live, applied, manager, force: false, schema: deploymentSchema, apiVersion: 'apps/v1', now: T1, ...extra });

const entry = (obj: Record<string, any>, manager: string) => obj.metadata.managedFields.find((e: any) => e.manager === manager);
const fields = (obj: Record<string, any>, manager: string) => JSON.stringify(entry(obj, manager)?.fieldsV1);
const web = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'nginx:1', ...extra });
const dep = (replicas: number | undefined, containers: unknown[], labels?: Record<string, string>) =>
  deployment({ ...(replicas === undefined ? {} : { replicas }), template: { spec: { containers } } }, labels ? { labels } : {});

test('apply creates the object and its Apply entry', () => {
  const out = apply(undefined, dep(2, [web()], { app: 'web' }), 'kubectl');
  assert.deepEqual(out.metadata.managedFields, [
    {
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'apps/v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
      },
    },
  ]);
  assert.equal(out.spec.replicas, 2);
  assert.equal(out.metadata.name, 'web');
});

test('re-applying without a field removes it; fields nobody owns stay', () => {
  const first = apply(undefined, dep(2, [web(), { name: 'sidecar', image: 'envoy' }], { app: 'web', tier: 'fe' }), 'kubectl');
  first.spec.paused = true; // set by nobody's entry, e.g. a defaulted field
  const out = apply(first, dep(undefined, [web()], { app: 'web' }), 'kubectl', { now: T2 });
  assert.equal(out.spec.replicas, undefined);
  assert.deepEqual(out.metadata.labels, { app: 'web' });
  assert.deepEqual(out.spec.template.spec.containers, [web()]);
  assert.equal(out.spec.paused, true);
  assert.equal(out.metadata.name, 'web');
  assert.equal(entry(out, 'kubectl').time, T2);
  assert.equal(
    fields(out, 'kubectl'),
    JSON.stringify({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
    }),
  );
});

test('a field another manager still owns is not removed when the applier drops it', () => {
  const a = apply(undefined, dep(3, [web()]), 'alice');
  const b = apply(a, dep(3, [web()]), 'bob');
  const out = apply(b, dep(undefined, [web()]), 'alice');
  assert.equal(out.spec.replicas, 3);
  assert.match(fields(out, 'bob'), /f:replicas/);
  assert.doesNotMatch(fields(out, 'alice'), /f:replicas/);
});

test('two appliers of the same value share it without conflict', () => {
  const a = apply(undefined, dep(3, [web()]), 'alice');
  const b = apply(a, dep(3, []), 'bob');
  assert.match(fields(b, 'alice'), /f:replicas/);
  assert.equal(fields(b, 'bob'), JSON.stringify({ 'f:spec': { 'f:replicas': {} } }));
});

test('changing a field another manager owns is a conflict, worded as upstream', () => {
  const created = fm.update({ live: undefined, updated: dep(1, [web()]), manager: 'kubectl-client-side-apply', schema: deploymentSchema, apiVersion: 'apps/v1', now: T1 });
  assert.throws(
    () => apply(created, dep(5, [web()]), 'kubectl'),
    (err: unknown) => {
      assert.ok(err instanceof StatusError);
      assert.equal(err.code, 409);
      assert.equal(err.reason, 'Conflict');
      assert.equal(err.message, 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
      assert.deepEqual(err.details?.causes, [
        { reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' },
      ]);
      return true;
    },
  );
  assert.throws(
    () => apply(created, dep(5, [web({ image: 'nginx:2' })]), 'kubectl'),
    {
      message:
        'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image',
    },
  );
});

test('conflicts with an applier name it without a version, grouped by manager', () => {
  const a = apply(undefined, dep(1, [web()]), 'm1');
  const b = apply(a, dep(undefined, [web()], { app: 'x' }), 'm2');
  assert.throws(() => apply(b, dep(2, [], { app: 'y' }), 'm3'), {
    message: 'Apply failed with 2 conflicts: conflicts with "m1":\n- .spec.replicas\nconflicts with "m2":\n- .metadata.labels.app',
  });
});

test('force takes the fields over', () => {
  const a = apply(undefined, dep(1, [web()]), 'alice');
  const out = apply(a, dep(4, []), 'bob', { force: true });
  assert.equal(out.spec.replicas, 4);
  assert.doesNotMatch(fields(out, 'alice'), /f:replicas/);
  assert.equal(fields(out, 'bob'), JSON.stringify({ 'f:spec': { 'f:replicas': {} } }));
  assert.deepEqual(out.spec.template.spec.containers, [web()]);
});

test('kubectl scale then an apply with other replicas conflicts with the scaler', () => {
  const a = apply(undefined, dep(1, [web()]), 'kubectl');
  const scaled = fm.update({ live: a, updated: { ...a, spec: { ...a.spec, replicas: 3 } }, manager: 'kubectl-scale', schema: deploymentSchema, apiVersion: 'apps/v1', now: T2, subresource: 'scale' });
  assert.equal(fields(scaled, 'kubectl-scale'), JSON.stringify({ 'f:spec': { 'f:replicas': {} } }));
  assert.equal(entry(scaled, 'kubectl-scale').subresource, 'scale');
  assert.doesNotMatch(fields(scaled, 'kubectl'), /f:replicas/);
  assert.throws(() => apply(scaled, dep(1, [web()]), 'kubectl'), {
    message: 'Apply failed with 1 conflict: conflict with "kubectl-scale" with subresource "scale" using apps/v1: .spec.replicas',
  });
  // re-applying the scaled value is no conflict: the applier shares it again
  const shared = apply(scaled, dep(3, [web()]), 'kubectl');
  assert.match(fields(shared, 'kubectl'), /f:replicas/);
  assert.match(fields(shared, 'kubectl-scale'), /f:replicas/);
});

test('map-lists merge by key: containers by name, ports by containerPort+protocol', () => {
  const p = (containerPort: number, protocol?: string) => ({ containerPort, ...(protocol ? { protocol } : {}) });
  const a = apply(undefined, dep(1, [web({ ports: [p(80), p(53, 'UDP')] })]), 'alice');
  const out = apply(a, dep(undefined, [{ name: 'sidecar', image: 'envoy', ports: [p(53, 'TCP')] }, { name: 'web', ports: [p(53, 'TCP')] }]), 'bob');
  assert.deepEqual(out.spec.template.spec.containers, [
    { name: 'sidecar', image: 'envoy', ports: [p(53, 'TCP')] },
    { name: 'web', image: 'nginx:1', ports: [p(80), p(53, 'UDP'), p(53, 'TCP')] },
  ]);
  assert.equal(
    fields(out, 'bob'),
    JSON.stringify({
      'f:spec': {
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"sidecar"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":53,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } } },
              'k:{"name":"web"}': { '.': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":53,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } } },
            },
          },
        },
      },
    }),
  );
  // alice drops the UDP port: it goes, bob's TCP one stays
  const dropped = apply(out, dep(1, [web({ ports: [p(80)] })]), 'alice');
  assert.deepEqual(dropped.spec.template.spec.containers[1].ports, [p(80), p(53, 'TCP')]);
});

test('sets are unioned and pruned item by item', () => {
  const a = apply(undefined, deployment({}, { finalizers: ['a.io/x', 'a.io/y'] }), 'alice');
  const b = apply(a, deployment({}, { finalizers: ['b.io/z'] }), 'bob');
  assert.deepEqual(b.metadata.finalizers, ['a.io/x', 'a.io/y', 'b.io/z']);
  // an empty map is owned as a value of its own, as upstream does
  assert.equal(fields(b, 'bob'), JSON.stringify({ 'f:metadata': { 'f:finalizers': { 'v:"b.io/z"': {} } }, 'f:spec': {} }));
  const c = apply(b, deployment({}, { finalizers: ['a.io/y'] }), 'alice');
  assert.deepEqual(c.metadata.finalizers, ['a.io/y', 'b.io/z']);
});

test('atomic lists and maps are replaced whole and owned as one field', () => {
  const a = apply(undefined, dep(1, [web({ args: ['a', 'b'] })]), 'alice');
  a.spec.template.spec.nodeSelector = { disk: 'ssd', zone: 'a' };
  const withSel = apply(a, deployment({ template: { spec: { nodeSelector: { disk: 'hdd' } } } }), 'bob', { force: true });
  assert.deepEqual(withSel.spec.template.spec.nodeSelector, { disk: 'hdd' });
  const out = apply(withSel, dep(1, [web({ args: ['c'] })]), 'alice');
  assert.deepEqual(out.spec.template.spec.containers[0].args, ['c']);
  assert.match(fields(out, 'alice'), /"f:args":\{\}/);
  assert.throws(() => apply(out, dep(1, [web({ args: ['d'] })]), 'carol'), /containers\[name="web"\]\.args/);
});

test('an apply to the main resource neither changes nor owns status', () => {
  const live = { ...dep(1, [web()]), status: { replicas: 1, readyReplicas: 1 } };
  const withStatus = fm.update({ live, updated: { ...live, status: { replicas: 1, readyReplicas: 0 } }, manager: 'kube-controller-manager', schema: deploymentSchema, apiVersion: 'apps/v1', now: T1, subresource: 'status' });
  assert.equal(fields(withStatus, 'kube-controller-manager'), JSON.stringify({ 'f:status': { 'f:readyReplicas': {} } }));
  const out = apply(withStatus, { ...dep(2, [web()]), status: { readyReplicas: 5 } }, 'kubectl');
  assert.deepEqual(out.status, { replicas: 1, readyReplicas: 0 });
  assert.doesNotMatch(fields(out, 'kubectl'), /status/);
  assert.equal(entry(out, 'kube-controller-manager').subresource, 'status');
});

test('server-set metadata survives an apply that carries nulls or other values', () => {
  const live = { ...dep(1, [web()]), metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7', creationTimestamp: T1, generation: 1 } };
  const out = apply(live, { ...dep(1, [web()]), metadata: { name: 'web', creationTimestamp: null, uid: 'other' } }, 'kubectl');
  assert.equal(out.metadata.uid, 'u1');
  assert.equal(out.metadata.creationTimestamp, T1);
  assert.equal(out.metadata.resourceVersion, '7');
  assert.equal(out.metadata.managedFields.length, 2, 'before-first-apply owns what was there before');
  assert.equal(entry(out, 'before-first-apply').operation, 'Update');
});

test('managedFields in an apply body, or another version, are rejected', () => {
  assert.throws(() => apply(undefined, { ...dep(1, []), metadata: { name: 'web', managedFields: [] } }, 'k'), { message: 'metadata.managedFields must be nil' });
  assert.throws(() => apply(undefined, { ...dep(1, []), apiVersion: 'apps/v1beta1' }, 'k'), /Incorrect version specified in apply patch/);
});

test('an apply without schema treats lists as atomic and maps as granular', () => {
  const cr = (spec: Record<string, unknown>) => ({ apiVersion: 'x.io/v1', kind: 'Thing', metadata: { name: 't' }, spec });
  const a = fm.apply({ live: undefined, applied: cr({ list: [1, 2], m: { a: 1 } }), manager: 'alice', force: false, schema: undefined, apiVersion: 'x.io/v1', now: T1 });
  assert.equal(fields(a, 'alice'), JSON.stringify({ 'f:spec': { '.': {}, 'f:list': {}, 'f:m': { '.': {}, 'f:a': {} } } }));
  const b = fm.apply({ live: a, applied: cr({ list: [3], m: { b: 2 } }), manager: 'bob', force: true, schema: undefined, apiVersion: 'x.io/v1', now: T1 });
  assert.deepEqual(b.spec, { list: [3], m: { a: 1, b: 2 } });
});

test('re-applying the same configuration changes nothing, not even the entry time', () => {
  const a = apply(undefined, dep(2, [web()]), 'kubectl');
  const again = apply(a, dep(2, [web()]), 'kubectl', { now: T2 });
  assert.deepEqual(again, a);
  const changedOne = apply(a, dep(3, [web()]), 'kubectl', { now: T2 });
  assert.equal(entry(changedOne, 'kubectl').time, T2);
});
