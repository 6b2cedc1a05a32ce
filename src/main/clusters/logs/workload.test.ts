import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectorString } from './workload';

test('a LabelSelector becomes the labelSelector kubectl would send', () => {
  assert.equal(
    selectorString({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }, { key: 'canary', operator: 'DoesNotExist' }, { key: 'track', operator: 'Exists' }, { key: 'env', operator: 'NotIn', values: ['dev'] }] }),
    'app=web,tier in (be,fe),!canary,track,env notin (dev)',
  );
  assert.equal(selectorString(undefined), '');
  assert.throws(() => selectorString({ matchExpressions: [{ key: 'a', operator: 'Near' }] }), /"Near" is not a valid label selector operator \(key "a"\)/);
});
