// Selector semantics the plugins rely on, including the null-versus-empty rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileLabelSelector, compileNodeSelectorTerms } from './selectors';
import { makeNode } from './testing';

test('label selectors: null matches nothing, {} everything, requirements are ANDed', () => {
  const labels = { app: 'web', tier: 'front' };
  const cases: [Parameters<typeof compileLabelSelector>[0], boolean][] = [
    [null, false],
    [undefined, false],
    [{}, true],
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    [{ matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['x'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, false],
  ];
  for (const [sel, want] of cases) assert.equal(compileLabelSelector(sel)(labels), want, JSON.stringify(sel));
});

test('node selector terms: ORed terms, Gt/Lt on integers, matchFields on metadata.name', () => {
  const node = makeNode('n1', { labels: { cores: '16', zone: 'a' } });
  const match = (terms: Parameters<typeof compileNodeSelectorTerms>[0]) => compileNodeSelectorTerms(terms)(node);
  assert.equal(match([{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] }]), true);
  assert.equal(match([{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['8'] }] }]), false);
  assert.equal(match([{ matchExpressions: [{ key: 'zone', operator: 'Gt', values: ['1'] }] }]), false);
  assert.equal(match([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }]), true);
  assert.equal(match([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }]), true);
  assert.equal(match([{}]), false);
  assert.equal(match([]), false);
});
