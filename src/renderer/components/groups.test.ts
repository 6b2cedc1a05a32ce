import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupKinds, pluralTitle } from './groups';
import type { ResourceKind } from '../../shared/bridge/types';

const k = (kind: string, category: string): ResourceKind => ({ group: '', version: 'v1', kind, plural: kind.toLowerCase() + 's', namespaced: true, category, verbs: [] });

test('categories come in sidebar order, kinds alphabetical inside each', () => {
  const groups = groupKinds([k('Widget', 'Custom resources'), k('Service', 'Network'), k('Pod', 'Workloads'), k('Deployment', 'Workloads')]);
  assert.deepEqual(groups.map((g) => g.category), ['Workloads', 'Network', 'Custom resources']);
  assert.deepEqual(groups[0].kinds.map((x) => x.kind), ['Deployment', 'Pod']);
});

test('headings are plural', () => {
  assert.equal(pluralTitle(k('Ingress', 'Network')), 'Ingresses');
  assert.equal(pluralTitle(k('NetworkPolicy', 'Network')), 'NetworkPolicies');
  assert.equal(pluralTitle(k('Pod', 'Workloads')), 'Pods');
});

test('a kind whose plural is its own name stays as it is', () => {
  assert.equal(pluralTitle({ ...k('Endpoints', 'Network'), plural: 'endpoints' }), 'Endpoints');
});
