// Informer events reach the snapshot and the queue the way kube-scheduler's event handlers route them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../client/fake-clock';
import { SchedulingQueue } from '../queue/scheduling-queue';
import { Snapshot } from '../snapshot/snapshot';
import { isPendingFor, nodeChangeMatters, nodeHandlers, podHandlers } from './informer-handlers';
import { makeNode, makePod, on } from '../testing';

const setup = () => {
  const queue = new SchedulingQueue({ clock: new FakeClock() });
  const snapshot = new Snapshot();
  return { queue, snapshot, pods: podHandlers('default-scheduler', snapshot, queue), nodes: nodeHandlers(snapshot, queue) };
};

test('which pending pods are ours', () => {
  assert.equal(isPendingFor('default-scheduler', makePod('p')), true);
  assert.equal(isPendingFor('default-scheduler', makePod('p', { schedulerName: 'other' })), false);
  assert.equal(isPendingFor('default-scheduler', on('n', makePod('p'))), false);
  const terminating = makePod('p');
  terminating.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
  assert.equal(isPendingFor('default-scheduler', terminating), false);
  assert.equal(isPendingFor('default-scheduler', { ...makePod('p'), status: { phase: 'Failed' } }), false);
});

test('pending pods queue, assigned pods fill the snapshot, a binding takes the pod off the queue', () => {
  const { queue, snapshot, pods } = setup();
  pods.onAdd!(makePod('p', { cpu: '1' }), false);
  pods.onAdd!(on('n', makePod('q', { cpu: '1' })), false);
  assert.equal(queue.has('default/p'), true);
  assert.equal(snapshot.podCount(), 1);
  pods.onUpdate!(makePod('p', { cpu: '1' }), on('n', makePod('p', { cpu: '1' })));
  assert.equal(queue.has('default/p'), false);
  assert.equal(snapshot.podCount(), 2);
});

test('a status-only update leaves a parked pod parked; a spec change or a freed node wakes it', () => {
  const { queue, pods } = setup();
  const pod = makePod('p', { cpu: '1' });
  pods.onAdd!(pod, false);
  queue.addUnschedulable(queue.tryPop()!, new Set(['NodeResourcesFit']));
  pods.onUpdate!(pod, { ...pod, status: { conditions: [{ type: 'PodScheduled', status: 'False' }] } });
  assert.equal(queue.stats.unschedulable, 1);
  // A finished pod elsewhere frees its node.
  pods.onAdd!(on('n', makePod('old')), false);
  pods.onUpdate!(on('n', makePod('old')), { ...on('n', makePod('old')), status: { phase: 'Succeeded' } });
  assert.equal(queue.stats.unschedulable, 0);
});

test('node heartbeats do not count as changes; labels, taints and allocatable do', () => {
  const a = makeNode('n');
  const beat = { ...a, status: { ...a.status, conditions: [{ type: 'Ready', status: 'True' }] } };
  assert.equal(nodeChangeMatters(a, beat), false);
  assert.equal(nodeChangeMatters(a, makeNode('n', { labels: { zone: 'b' } })), true);
  assert.equal(nodeChangeMatters(a, makeNode('n', { cpu: '64' })), true);
  const { snapshot, nodes } = setup();
  nodes.onAdd!(a, false);
  assert.equal(snapshot.nodes().length, 1);
  nodes.onDelete!(a);
  assert.equal(snapshot.nodes().length, 0);
});
