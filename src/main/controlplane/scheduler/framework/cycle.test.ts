// Whole cycles through the default profile: where pods land, the FitError message, explanations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cycle } from './cycle';
import { fitErrorMessage } from './fit-error';
import { defaultProfile } from '../default-profile';
import { makeNode, makePod, makeSnapshot, on } from '../testing';
import { newPodInfo } from '../snapshot/pod-info';
import { Explanations } from '../explain/explanations';
import { numFeasibleNodesToFind } from './find-feasible';

const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

test('unschedulable message counts and sorts reasons as upstream FitError, then the preemption verdict', () => {
  const snap = makeSnapshot([makeNode('cp', { taints: [cp] }), makeNode('w1', { cpu: '1' }), makeNode('w2', { cpu: '1' })]);
  const r = new Cycle(defaultProfile()).run(snap, newPodInfo(makePod('big', { cpu: '2' })));
  assert.equal(r.node, undefined);
  assert.equal(
    r.message,
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
  );
  assert.deepEqual([...r.rejectors].sort(), ['NodeResourcesFit', 'TaintToleration']);
});

test('several reasons from one node are each counted; sorting is by the "count reason" string', () => {
  const statuses = new Map([
    ['a', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu', 'Insufficient memory'] }],
    ['b', { code: 'Unschedulable' as const, reasons: ['Insufficient memory'] }],
    ['c', { code: 'UnschedulableAndUnresolvable' as const, reasons: ["node(s) didn't match Pod's node affinity/selector"] }],
    ['d', { code: 'UnschedulableAndUnresolvable' as const, reasons: ['node(s) were unschedulable'] }],
  ]);
  assert.equal(
    fitErrorMessage({ numAllNodes: 4, nodeStatuses: statuses }),
    "0/4 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable, 2 Insufficient memory.",
  );
});

test('all nodes unresolvable: preemption is not helpful anywhere; preemptionPolicy Never says so', () => {
  const snap = makeSnapshot([makeNode('a'), makeNode('b')]);
  const r = new Cycle(defaultProfile()).run(snap, newPodInfo(makePod('p', { nodeSelector: { disk: 'ssd' } })));
  assert.equal(
    r.message,
    "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  );
  const never = new Cycle(defaultProfile()).run(snap, newPodInfo(makePod('p', { cpu: '100', preemptionPolicy: 'Never' })));
  assert.equal(never.message, '0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
});

test('no nodes at all is a scheduler error, as upstream', () => {
  const r = new Cycle(defaultProfile()).run(makeSnapshot([]), newPodInfo(makePod('p')));
  assert.equal(r.message, 'no nodes available to schedule pods');
  assert.equal(r.error, true);
});

test('the least loaded node wins; ties go to the first name without an RNG', () => {
  const snap = makeSnapshot([makeNode('b'), makeNode('a'), makeNode('c')], [on('c', makePod('q', { cpu: '2', memory: '4Gi' }))]);
  const cycle = new Cycle(defaultProfile());
  assert.equal(cycle.run(snap, newPodInfo(makePod('p', { cpu: '1', memory: '1Gi' }))).node, 'a');
});

test('ties are broken by the injected RNG', () => {
  const snap = makeSnapshot([makeNode('a'), makeNode('b'), makeNode('c')]);
  const seen = new Set<string>();
  for (const r of [0, 0.4, 0.99]) {
    const cycle = new Cycle(defaultProfile(), { rng: () => r });
    seen.add(cycle.run(snap, newPodInfo(makePod('p', { cpu: '1' }))).node!);
  }
  assert.ok(seen.size > 1, `picked ${[...seen]}`);
});

test('explanations keep per-node filter verdicts and per-plugin scores', () => {
  const snap = makeSnapshot([makeNode('cp', { taints: [cp] }), makeNode('w1'), makeNode('w2')], [on('w2', makePod('q', { cpu: '2' }))]);
  const r = new Cycle(defaultProfile(), { now: () => 0 }).run(snap, newPodInfo(makePod('p', { cpu: '1', memory: '1Gi' })));
  const ex = new Explanations(2);
  ex.keep(r.record);
  const e = ex.explain('default', 'p')!;
  assert.equal(e.outcome, 'Scheduled');
  assert.equal(e.node, 'w1');
  assert.equal(e.time, '1970-01-01T00:00:00.000Z');
  assert.equal(e.numEvaluated, 3);
  const byNode = Object.fromEntries(e.nodes.map((n) => [n.node, n]));
  assert.equal(byNode.cp.filter, 'failed');
  assert.equal(byNode.cp.failedPlugin, 'TaintToleration');
  assert.deepEqual(byNode.cp.reasons, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
  assert.equal(byNode.w1.chosen, true);
  const fit = byNode.w1.scores!.find((s) => s.plugin === 'NodeResourcesFit')!;
  // cpu (4000 − 1000)/4000 → 75, memory (8Gi − 1Gi)/8Gi → 87; mean 81.
  assert.deepEqual(fit, { plugin: 'NodeResourcesFit', score: 81, weight: 1, weighted: 81 });
  const taint = byNode.w1.scores!.find((s) => s.plugin === 'TaintToleration')!;
  assert.deepEqual(taint, { plugin: 'TaintToleration', score: 100, weight: 3, weighted: 300 });
  assert.equal(byNode.w1.total, byNode.w1.scores!.reduce((a, s) => a + s.weighted, 0));
  assert.ok(byNode.w1.total! > byNode.w2.total!);
});

test('the explanation store forgets the oldest pods beyond its capacity', () => {
  const snap = makeSnapshot([makeNode('n')]);
  const cycle = new Cycle(defaultProfile());
  const ex = new Explanations(2);
  for (const name of ['a', 'b', 'c']) ex.keep(cycle.run(snap, newPodInfo(makePod(name))).record);
  assert.equal(ex.explain('default', 'a'), undefined);
  assert.equal(ex.explain('default', 'c')?.node, 'n');
  assert.equal(ex.size, 2);
});

test('percentage of nodes to score follows upstream adaptive default', () => {
  assert.equal(numFeasibleNodesToFind(0, 50), 50);
  assert.equal(numFeasibleNodesToFind(0, 1000), 420);
  assert.equal(numFeasibleNodesToFind(0, 5000), 500);
  assert.equal(numFeasibleNodesToFind(0, 100_000), 5000);
  assert.equal(numFeasibleNodesToFind(0, 150), 100);
  assert.equal(numFeasibleNodesToFind(100, 5000), 5000);
});

test('filtering stops once enough nodes fit, and the next cycle starts where it stopped', () => {
  const nodes = Array.from({ length: 200 }, (_, i) => makeNode(`n${String(i).padStart(3, '0')}`));
  const snap = makeSnapshot(nodes);
  const cycle = new Cycle(defaultProfile({ percentageOfNodesToScore: 50 }));
  const first = cycle.run(snap, newPodInfo(makePod('a')));
  assert.equal(first.record.evaluated.length, 100);
  const second = cycle.run(snap, newPodInfo(makePod('b')));
  assert.equal(second.record.evaluated[0], 'n100');
});
