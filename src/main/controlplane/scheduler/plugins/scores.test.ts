// Score plugins against upstream's formulas, with the numbers worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plugin } from '../framework/types';
import type { Node, Pod } from '../api';
import { cycleState, makeNode, makePod, makeSnapshot, on } from '../testing';
import { leastAllocated, leastRequestedScore, nodeResourcesFit } from './node-resources-fit';
import { balancedAllocation, balancedScore } from './balanced-allocation';
import { taintToleration } from './taint-toleration';
import { nodeAffinity } from './node-affinity';
import { imageLocality, imageLocalityScore } from './image-locality';

/** Runs PreScore, Score and NormalizeScore of one plugin over every node, as the framework does. */
function scores(plugin: Plugin, pod: Pod, nodes: Node[], existing: Pod[] = []): number[] | 'skip' {
  const snap = makeSnapshot(nodes, existing);
  const state = cycleState(snap, pod);
  const infos = snap.nodes();
  if (plugin.preScore?.(state, infos)?.code === 'Skip') return 'skip';
  const out = infos.map((n) => plugin.score!(state, n));
  plugin.normalizeScore?.(state, out, infos);
  return out;
}

test('LeastAllocated: upstream formula, integer arithmetic', () => {
  assert.equal(leastRequestedScore(3000, 4000), 25);
  assert.equal(leastRequestedScore(5000, 10000), 50);
  assert.equal(leastRequestedScore(5000, 4000), 0);
  assert.equal(leastRequestedScore(1, 0), 0);
  // (25 + 50) / 2 truncates to 37; (50 + 50) / 2 = 50.
  assert.equal(leastAllocated([[3000, 4000, 1], [5000, 10000, 1]]), 37);
  assert.equal(leastAllocated([[3000, 6000, 1], [5000, 10000, 1]]), 50);
  assert.equal(leastAllocated([[3000, 0, 1], [5000, 10000, 1]]), 50);
});

test('NodeResourcesFit scores the emptier node higher, counting defaults for request-less pods', () => {
  const pod = makePod('p', { cpu: '3', memory: '5000' });
  const got = scores(nodeResourcesFit, pod, [makeNode('n1', { cpu: '4', memory: '10000' }), makeNode('n2', { cpu: '6', memory: '10000' })]);
  assert.deepEqual(got, [37, 50]);
  // A pod with no requests is counted as 100m / 200Mi: on a 1-cpu 400Mi node that is 90 and 50 → 70.
  const empty = scores(nodeResourcesFit, makePod('e'), [makeNode('n', { cpu: '1', memory: '400Mi' })]);
  assert.deepEqual(empty, [70]);
});

test('BalancedAllocation: 1 − std of the cpu and memory fractions', () => {
  assert.equal(balancedScore([[3000, 4000], [5000, 10000]]), 87);
  assert.equal(balancedScore([[3000, 6000], [5000, 10000]]), 100);
  assert.equal(balancedScore([[8000, 4000], [0, 10000]]), 50);
  // Three resources use the population standard deviation.
  assert.equal(balancedScore([[1, 2], [1, 4], [3, 4]]), 79);
  const pod = makePod('p', { cpu: '3', memory: '5000' });
  assert.deepEqual(scores(balancedAllocation, pod, [makeNode('n1', { cpu: '4', memory: '10000' }), makeNode('n2', { cpu: '6', memory: '10000' })]), [87, 100]);
  assert.equal(scores(balancedAllocation, makePod('best-effort'), [makeNode('n')]), 'skip');
});

test('TaintToleration: fewer untolerated PreferNoSchedule taints score higher', () => {
  const prefer = (key: string) => ({ key, effect: 'PreferNoSchedule' as const });
  const nodes = [makeNode('n0', { taints: [prefer('a'), prefer('b')] }), makeNode('n1', { taints: [prefer('a')] }), makeNode('n2')];
  assert.deepEqual(scores(taintToleration, makePod('p'), nodes), [0, 50, 100]);
  const tolerant = makePod('t', { tolerations: [{ key: 'a', operator: 'Exists', effect: 'PreferNoSchedule' }] });
  assert.deepEqual(scores(taintToleration, tolerant, nodes), [0, 100, 100]);
});

test('NodeAffinity: preferred weights summed and normalized', () => {
  const term = (key: string, value: string, weight: number) => ({
    weight,
    preference: { matchExpressions: [{ key, operator: 'In' as const, values: [value] }] },
  });
  const pod = makePod('p', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term('zone', 'a', 2), term('disk', 'ssd', 5)] } } });
  const nodes = [makeNode('both', { labels: { zone: 'a', disk: 'ssd' } }), makeNode('zone', { labels: { zone: 'a' } }), makeNode('none')];
  assert.deepEqual(scores(nodeAffinity, pod, nodes), [100, 28, 0]);
  assert.equal(scores(nodeAffinity, makePod('q'), nodes), 'skip');
});

test('ImageLocality: size times spread, clamped between 23MB and 1000MB per container', () => {
  const MB = 1024 * 1024;
  assert.equal(imageLocalityScore(0, 1), 0);
  assert.equal(imageLocalityScore(200 * MB, 1), 18);
  assert.equal(imageLocalityScore(5000 * MB, 1), 100);
  const images = [{ names: ['docker.io/library/nginx:latest', 'nginx'], sizeBytes: 300 * MB }];
  const nodes = [makeNode('n1', { images }), makeNode('n2', { images }), makeNode('n3')];
  // 300MB × 2/3 of the nodes = 200MB → 18; a bare "nginx" matches "nginx:latest".
  assert.deepEqual(scores(imageLocality, makePod('p', { image: 'nginx' }), nodes), [18, 18, 0]);
});

test('scores see pods already on the node', () => {
  const pod = makePod('p', { cpu: '1', memory: '1Gi' });
  const nodes = [makeNode('busy', { cpu: '4', memory: '4Gi' }), makeNode('idle', { cpu: '4', memory: '4Gi' })];
  const got = scores(nodeResourcesFit, pod, nodes, [on('busy', makePod('q', { cpu: '2', memory: '2Gi' }))]);
  assert.deepEqual(got, [25, 75]);
});
