import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonPatch } from './json-patch';
import { applyMergePatch } from './merge-patch';
import { assertPatchTypeSupported, assertStrategicMergeSupported } from './support';

const deploy = () => ({ metadata: { name: 'd', labels: { app: 'x' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'a:1' }] } } } });

test('kubectl patch --type json: replace, add and remove apply in order', () => {
  const original = deploy();
  const got = applyJsonPatch(original, [
    { op: 'test', path: '/spec/replicas', value: 1 },
    { op: 'replace', path: '/spec/replicas', value: 3 },
    { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'b', image: 'b:1' } },
    { op: 'remove', path: '/metadata/labels/app' },
  ]);
  assert.equal(got.spec.replicas, 3);
  assert.deepEqual(got.spec.template.spec.containers.map((c) => c.name), ['a', 'b']);
  assert.deepEqual(got.metadata.labels, {});
  assert.equal(original.spec.replicas, 1, 'the original is not modified');
});

test('a failing test op or a missing path is upstream\'s generic 422, which kubectl prints as "The request is invalid: …"', () => {
  for (const op of [{ op: 'test', path: '/spec/replicas', value: 2 }, { op: 'remove', path: '/spec/paused' }, { op: 'replace', path: '/x/y', value: 1 }]) {
    assert.throws(
      () => applyJsonPatch(deploy(), [op]),
      (err: any) =>
        err.code === 422 &&
        err.reason === 'Invalid' &&
        err.message === 'the server rejected our request due to an error in our request' &&
        err.toStatus().details.causes === undefined,
    );
  }
});

test('a body that is not a JSON patch is a 400', () => {
  assert.throws(() => applyJsonPatch(deploy(), { op: 'add' }), (err: any) => err.code === 400);
  assert.throws(() => applyJsonPatch(deploy(), ['x']), (err: any) => err.code === 400);
});

test('kubectl patch --type merge: maps merge, null deletes, lists replace (RFC 7386)', () => {
  const got = applyMergePatch(deploy(), {
    metadata: { labels: { app: null, tier: 'web' } },
    spec: { template: { spec: { containers: [{ name: 'b' }] } } },
  });
  assert.deepEqual(got, { metadata: { name: 'd', labels: { tier: 'web' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'b' }] } } } });
  assert.deepEqual(applyMergePatch({ a: 1 }, 'x'), 'x');
  assert.deepEqual(applyMergePatch({ a: { b: 1 } }, { a: { b: { c: null } } }), { a: { b: {} } });
});

test('custom resources refuse strategic merge patch with the upstream 415', () => {
  assert.throws(
    () => assertStrategicMergeSupported({ custom: true }),
    (err: any) =>
      err.code === 415 &&
      err.reason === 'UnsupportedMediaType' &&
      err.message === 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
  );
  assert.doesNotThrow(() => assertStrategicMergeSupported({}));
  assert.doesNotThrow(() => assertPatchTypeSupported({ custom: true }, 'application/merge-patch+json; charset=utf-8'));
});
