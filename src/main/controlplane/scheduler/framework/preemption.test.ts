// Preemption: which pods would be evicted where, and what the message says when none can be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cycle } from './cycle';
import { defaultProfile } from '../default-profile';
import { makeNode, makePod, makeSnapshot, on } from '../testing';
import { newPodInfo } from '../snapshot/pod-info';

const pod = (name: string, cpu: string, priority: number, node?: string) => {
  const p = makePod(name, { cpu, priority });
  return node ? on(node, p) : p;
};

test('evicts the fewest lower-priority pods on the node where they matter least', () => {
  const snap = makeSnapshot(
    [makeNode('n1', { cpu: '2' }), makeNode('n2', { cpu: '2' }), makeNode('n3', { cpu: '2' })],
    [pod('a', '1', 0, 'n1'), pod('b', '1', 5, 'n1'), pod('c', '2', 1000, 'n2'), pod('d', '1', 50, 'n3'), pod('e', '1', 60, 'n3')],
  );
  const r = new Cycle(defaultProfile()).run(snap, newPodInfo(pod('urgent', '1', 100)));
  assert.equal(r.node, undefined);
  assert.equal(r.message, '0/3 nodes are available: 3 Insufficient cpu.');
  assert.equal(r.nominated?.node, 'n1');
  // b (priority 5) is reprieved: evicting a alone frees enough.
  assert.deepEqual(r.nominated?.victims.map((v) => v.key), ['default/a']);
  assert.equal(r.record.nominatedNode, 'n1');
  // The what-if left the snapshot as it was.
  assert.equal(snap.get('n1')!.pods.size, 2);
  assert.equal(snap.get('n1')!.requested.milliCpu, 2000);
});

test('when evicting every lower-priority pod would still not do, the filter reason is the verdict', () => {
  const snap = makeSnapshot([makeNode('n1', { cpu: '1' }), makeNode('n2', { cpu: '1' })], [pod('a', '500m', 0, 'n1')]);
  const r = new Cycle(defaultProfile()).run(snap, newPodInfo(pod('huge', '2', 100)));
  assert.equal(
    r.message,
    '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod.',
  );
  assert.equal(r.nominated, undefined);
});

test('pods of equal or higher priority are never victims', () => {
  const snap = makeSnapshot([makeNode('n1', { cpu: '1' })], [pod('peer', '1', 100, 'n1')]);
  const r = new Cycle(defaultProfile()).run(snap, newPodInfo(pod('p', '1', 100)));
  assert.match(r.message!, /preemption: 0\/1 nodes are available: 1 No preemption victims found for incoming pod\.$/);
});

test('a pod whose nominated node still has terminating victims waits instead of preempting again', () => {
  const victim = { ...pod('old', '1', 0, 'n1'), metadata: { ...pod('old', '1', 0).metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } };
  const snap = makeSnapshot([makeNode('n1', { cpu: '1' }), makeNode('n2', { cpu: '1' })], [victim, pod('other', '1', 0, 'n2')]);
  const r = new Cycle(defaultProfile()).run(snap, newPodInfo(pod('p', '1', 100)), 'n1');
  assert.equal(r.message, '0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.');
  assert.equal(r.nominated, undefined);
});

test('once the victims are gone the pod goes to the node it was nominated for', () => {
  const snap = makeSnapshot([makeNode('n1', { cpu: '2' }), makeNode('n2', { cpu: '4' })], [pod('busy', '3', 1000, 'n2')]);
  const cycle = new Cycle(defaultProfile());
  // On scores the empty n1 would win; the nominated n2 still fits and is taken without scoring.
  assert.equal(cycle.run(snap, newPodInfo(pod('q', '1', 100))).node, 'n1');
  const r = cycle.run(snap, newPodInfo(pod('p', '1', 100)), 'n2');
  assert.equal(r.node, 'n2');
  assert.equal(r.record.evaluated.length, 1);
});
