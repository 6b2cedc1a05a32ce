import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelMatcher } from './label-selector';

test('kubectl label selectors match as kubectl get -l does', () => {
  const pods: { name: string; labels?: Record<string, string> }[] = [
    { name: 'web', labels: { app: 'web', env: 'prod', canary: 'true' } },
    { name: 'api', labels: { app: 'api', env: 'staging' } },
    { name: 'bare', labels: undefined },
  ];
  const names = (sel: string) => pods.filter((p) => labelMatcher(sel)!(p.labels)).map((p) => p.name);
  assert.deepEqual(names('app=web'), ['web']);
  assert.deepEqual(names('app==api'), ['api']);
  assert.deepEqual(names('app!=web'), ['api', 'bare']);
  assert.deepEqual(names('env in (prod, staging),app notin (api)'), ['web']);
  assert.deepEqual(names('canary'), ['web']);
  assert.deepEqual(names('!canary'), ['api', 'bare']);
  assert.deepEqual(names('app.kubernetes.io/name'), []);
  assert.equal(labelMatcher('  '), undefined);
  assert.throws(() => labelMatcher('app=we b'), /invalid label/);
  assert.throws(() => labelMatcher('app=-x'), /invalid label value/);
  assert.throws(() => labelMatcher('in ('), /invalid label key/);
});
