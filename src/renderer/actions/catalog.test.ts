import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsFor } from './catalog';
import type { ResourceKind } from '../../shared/bridge/types';

const kind = (k: string, group: string, plural: string): ResourceKind => ({
  group, version: 'v1', kind: k, plural, namespaced: k !== 'Node', category: 'Workloads', verbs: ['get', 'list', 'patch', 'update', 'delete'],
});

test('a deployment can be edited, scaled, restarted, rolled back and deleted', () => {
  const ids = actionsFor(kind('Deployment', 'apps', 'deployments'), { group: 'apps', version: 'v1', plural: 'deployments', namespace: 'ns', name: 'web' }).map((a) => a.id);
  assert.deepEqual(ids, ['logs', 'edit', 'scale', 'restart', 'rollback', 'delete']);
});

test('scale is checked on the scale subresource of the named object', () => {
  const scale = actionsFor(kind('Deployment', 'apps', 'deployments'), { group: 'apps', version: 'v1', plural: 'deployments', namespace: 'ns', name: 'web' }).find((a) => a.id === 'scale');
  assert.deepEqual(scale?.check, { verb: 'patch', group: 'apps', resource: 'deployments', namespace: 'ns', name: 'web', subresource: 'scale' });
});

test('a cordoned node offers uncordon, not cordon; delete asks for confirmation', () => {
  const node = kind('Node', '', 'nodes');
  const ref = { group: '', version: 'v1', plural: 'nodes', name: 'n1' };
  const actions = actionsFor(node, ref, { spec: { unschedulable: true } });
  assert.deepEqual(actions.map((a) => a.id), ['edit', 'uncordon', 'drain', 'delete']);
  assert.equal(actions.find((a) => a.id === 'delete')?.destructive, true);
});

test('a suspended cronjob offers resume and trigger', () => {
  const ids = actionsFor(kind('CronJob', 'batch', 'cronjobs'), { group: 'batch', version: 'v1', plural: 'cronjobs', namespace: 'ns', name: 'c' }, { spec: { suspend: true } }).map((a) => a.id);
  assert.deepEqual(ids, ['edit', 'trigger', 'resume', 'delete']);
});
