import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFieldManager } from './fieldmanager';
import { deployment, deploymentSchema } from './testschema';
import type { UpdateRequest } from './types';

const fm = createFieldManager();
const T1 = '2026-01-01T00:00:00Z';
const T2 = '2026-01-01T00:01:00Z';

const update = (live: Record<string, any> | undefined, updated: Record<string, any>, manager: string, extra: Partial<UpdateRequest> = {}) =>
  fm.update({ live, updated, manager, schema: deploymentSchema, apiVersion: 'apps/v1', now: T1, ...extra });
const fields = (obj: Record<string, any>, manager: string) =>
  JSON.stringify(obj.metadata.managedFields?.find((e: any) => e.manager === manager)?.fieldsV1);
const managers = (obj: Record<string, any>) => (obj.metadata.managedFields ?? []).map((e: any) => `${e.manager}/${e.operation}`);
const dep = (replicas: number, image: string, labels: Record<string, string> = { app: 'web' }) =>
  deployment({ replicas, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image }] } } }, { labels, uid: 'u1', resourceVersion: '1' });

test('create: the creator owns every field it set, as an Update entry', () => {
  const out = update(undefined, dep(1, 'nginx'), 'kubectl-create');
  assert.deepEqual(out.metadata.managedFields, [
    {
      manager: 'kubectl-create',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:template': {
            '.': {},
            'f:metadata': { '.': {}, 'f:labels': { '.': {}, 'f:app': {} } },
            'f:spec': { '.': {}, 'f:containers': { '.': {}, 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
          },
        },
      },
    },
  ]);
});

test('an update moves the changed fields to its manager and merges with its earlier entry', () => {
  const created = update(undefined, dep(1, 'nginx'), 'kubectl-create');
  const edited = update(created, dep(1, 'nginx:2'), 'kubectl-edit', { now: T2 });
  assert.equal(fields(edited, 'kubectl-edit'), JSON.stringify({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:image': {} } } } } } }));
  assert.doesNotMatch(fields(edited, 'kubectl-create'), /f:image/);
  const again = update(edited, dep(2, 'nginx:2'), 'kubectl-edit', { now: T2 });
  assert.match(fields(again, 'kubectl-edit'), /f:image/);
  assert.match(fields(again, 'kubectl-edit'), /f:replicas/);
  assert.deepEqual(managers(again), ['kubectl-create/Update', 'kubectl-edit/Update']);
});

test('an update that changes nothing adds no entry and keeps times', () => {
  const created = update(undefined, dep(1, 'nginx'), 'kubectl-create');
  const same = update(created, { ...dep(1, 'nginx'), metadata: { ...dep(1, 'nginx').metadata, resourceVersion: '2' } }, 'other', { now: T2 });
  assert.deepEqual(managers(same), ['kubectl-create/Update']);
  assert.equal(same.metadata.managedFields[0].time, T1);
});

test('removed fields leave every manager', () => {
  const created = update(undefined, dep(1, 'nginx', { app: 'web', tier: 'fe' }), 'kubectl-create');
  const out = update(created, dep(1, 'nginx', { app: 'web' }), 'kubectl-label');
  assert.doesNotMatch(fields(out, 'kubectl-create'), /tier/);
  assert.deepEqual(managers(out), ['kubectl-create/Update']);
});

test('one entry per manager, operation, version and subresource', () => {
  const created = update(undefined, dep(1, 'nginx'), 'm');
  const v2 = update(created, dep(2, 'nginx'), 'm', { apiVersion: 'apps/v1beta2', now: T2 });
  const st = update({ ...v2, status: { replicas: 1 } }, { ...v2, status: { replicas: 2 } }, 'm', { subresource: 'status', now: T2 });
  assert.deepEqual(
    st.metadata.managedFields.map((e: any) => [e.manager, e.apiVersion, e.subresource ?? '']),
    // upstream's order: operation, time, manager, apiVersion, subresource
    [['m', 'apps/v1', ''], ['m', 'apps/v1', 'status'], ['m', 'apps/v1beta2', '']],
  );
});

test('a status update neither owns nor takes the spec', () => {
  const created = update(undefined, dep(1, 'nginx'), 'kubectl-create');
  const out = update({ ...created, status: {} }, { ...dep(5, 'other'), status: { replicas: 1 } }, 'kube-controller-manager', { subresource: 'status' });
  assert.equal(fields(out, 'kube-controller-manager'), JSON.stringify({ 'f:status': { 'f:replicas': {} } }));
  assert.equal(fields(out, 'kubectl-create'), fields(created, 'kubectl-create'));
});

test('managedFields sent with an update replace the stored ones; [{}] clears them', () => {
  const created = update(undefined, dep(1, 'nginx'), 'kubectl-create');
  const cleared = update(created, { ...dep(2, 'nginx'), metadata: { ...created.metadata, managedFields: [{}] } }, 'kubectl-edit');
  assert.equal(cleared.metadata.managedFields, undefined);
  const kept = update(created, { ...dep(2, 'nginx'), metadata: { ...created.metadata, managedFields: undefined } }, 'kubectl-edit');
  assert.deepEqual(managers(kept), ['kubectl-create/Update', 'kubectl-edit/Update']);
});

test('more than ten updaters fold the oldest into ancient-changes', () => {
  let obj = update(undefined, dep(0, 'nginx'), 'creator', { now: '2026-01-01T00:00:00Z' });
  const labels: Record<string, string> = { app: 'web' };
  for (let i = 1; i <= 11; i++) {
    labels[`l${i}`] = 'x';
    obj = update(obj, dep(0, 'nginx', { ...labels }), `m${i}`, { now: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z` });
  }
  const names = managers(obj);
  assert.equal(names.length, 10);
  assert.ok(names.includes('ancient-changes/Update'));
  assert.ok(!names.includes('creator/Update') && !names.includes('m1/Update') && !names.includes('m2/Update'));
  assert.match(fields(obj, 'ancient-changes'), /f:replicas.*/);
  assert.match(fields(obj, 'ancient-changes'), /f:l1\b/);
  assert.match(fields(obj, 'ancient-changes'), /f:l2\b/);
});

test('an existing object without managedFields stays untracked on update, and [] clears them', () => {
  const untracked = update({ ...dep(1, 'nginx') }, dep(2, 'nginx'), 'kubectl-edit');
  assert.equal(untracked.metadata.managedFields, undefined);
  const created = update(undefined, dep(1, 'nginx'), 'kubectl-create');
  const cleared = update(created, { ...dep(1, 'nginx'), metadata: { ...created.metadata, managedFields: [] } }, 'kubectl-edit');
  assert.equal(cleared.metadata.managedFields, undefined);
});

test('the first apply to an untracked object conflicts with before-first-apply', () => {
  const untracked = dep(1, 'nginx');
  assert.throws(
    () => fm.apply({ live: untracked, applied: dep(3, 'nginx'), manager: 'kubectl', force: false, schema: deploymentSchema, apiVersion: 'apps/v1', now: T2 }),
    { message: 'Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas' },
  );
  const same = fm.apply({ live: untracked, applied: dep(1, 'nginx'), manager: 'kubectl', force: false, schema: deploymentSchema, apiVersion: 'apps/v1', now: T2 });
  assert.deepEqual(managers(same), ['kubectl/Apply', 'before-first-apply/Update']);
});
