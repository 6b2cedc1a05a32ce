import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthOf } from './health';

const col = (...names: string[]) => names.map((name) => ({ name, type: 'string', priority: 0 }));

test('rows are coloured the way a person reads kubectl get', () => {
  const pods = col('Name', 'Ready', 'Status');
  assert.equal(healthOf('pods', pods, ['a', '1/1', 'Running']), 'ok');
  assert.equal(healthOf('pods', pods, ['a', '0/1', 'Completed']), 'ok');
  assert.equal(healthOf('pods', pods, ['a', '0/1', 'ContainerCreating']), 'warning');
  assert.equal(healthOf('pods', pods, ['a', '0/1', 'Init:0/2']), 'warning');
  assert.equal(healthOf('pods', pods, ['a', '0/1', 'CrashLoopBackOff']), 'error');
  assert.equal(healthOf('pods', pods, ['a', '0/1', 'ImagePullBackOff']), 'error');
  const nodes = col('Name', 'Status');
  assert.equal(healthOf('nodes', nodes, ['n', 'Ready']), 'ok');
  assert.equal(healthOf('nodes', nodes, ['n', 'Ready,SchedulingDisabled']), 'warning');
  assert.equal(healthOf('nodes', nodes, ['n', 'NotReady']), 'error');
  assert.equal(healthOf('events', col('Last Seen', 'Type'), ['1m', 'Warning']), 'warning');
  assert.equal(healthOf('deployments', col('Name', 'Ready'), ['d', '1/3']), 'warning');
  assert.equal(healthOf('deployments', col('Name', 'Ready'), ['d', '3/3']), 'ok');
  assert.equal(healthOf('configmaps', col('Name'), ['c']), undefined);
});
