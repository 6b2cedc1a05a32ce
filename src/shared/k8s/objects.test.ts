import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controllerOf, controllerReference, isControlledBy, objectKey, splitKey } from './objects';

test('keys are ns/name, or name for cluster-scoped objects, and split back', () => {
  assert.equal(objectKey({ metadata: { namespace: 'default', name: 'web' } }), 'default/web');
  assert.equal(objectKey({ metadata: { name: 'node-a' } }), 'node-a');
  assert.deepEqual(splitKey('default/web'), { namespace: 'default', name: 'web' });
  assert.deepEqual(splitKey('node-a'), { name: 'node-a' });
});

test('the controller is the owner marked controller: true', () => {
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', uid: 'u1' } };
  const pod = { metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u0' }, controllerReference(rs)] } };
  assert.equal(controllerOf(pod)?.name, 'rs');
  assert.ok(isControlledBy(pod, rs));
  assert.ok(!isControlledBy(pod, { metadata: { uid: 'u0' } }));
});
