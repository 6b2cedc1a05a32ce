// PodTopologySpread: skew = matching pods in the node's domain + self − the global minimum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, TopologySpreadConstraint } from '../api';
import { cycleState, makeNode, makePod, makeSnapshot, on } from '../testing';
import { podTopologySpread } from './pod-topology-spread';

const web = (name: string, node: string, namespace = 'default') => on(node, makePod(name, { namespace, labels: { app: 'web' } }));
const spread = (topologyKey: string, maxSkew = 1, extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchLabels: { app: 'web' } },
  ...extra,
});
const zoned = () => [
  makeNode('n1', { labels: { zone: 'a' } }),
  makeNode('n2', { labels: { zone: 'a' } }),
  makeNode('n3', { labels: { zone: 'b' } }),
];

function filter(pod: Pod, existing: Pod[], nodes = zoned()): Record<string, string> {
  const snap = makeSnapshot(nodes, existing);
  const state = cycleState(snap, pod);
  const pre = podTopologySpread.preFilter!(state);
  const out: Record<string, string> = {};
  for (const n of snap.nodes()) out[n.name] = pre?.code === 'Skip' ? 'ok' : (podTopologySpread.filter!(state, n)?.reasons[0] ?? 'ok');
  return out;
}

const NOT_MATCH = "node(s) didn't match pod topology spread constraints";
const incoming = (constraints: TopologySpreadConstraint[], extra = {}) =>
  makePod('new', { labels: { app: 'web' }, topologySpreadConstraints: constraints, ...extra });

test('zone skew: the emptier zone is the only place left', () => {
  const got = filter(incoming([spread('zone')]), [web('a', 'n1'), web('b', 'n1')]);
  assert.deepEqual(got, { n1: NOT_MATCH, n2: NOT_MATCH, n3: 'ok' });
});

test('hostname skew: any node at the minimum passes', () => {
  const got = filter(incoming([spread('kubernetes.io/hostname')]), [web('a', 'n1'), web('b', 'n3')]);
  assert.deepEqual(got, { n1: NOT_MATCH, n2: 'ok', n3: NOT_MATCH });
});

test('maxSkew 2 allows one more', () => {
  const got = filter(incoming([spread('zone', 2)]), [web('a', 'n1')]);
  assert.deepEqual(got, { n1: 'ok', n2: 'ok', n3: 'ok' });
});

test('minDomains above the number of domains treats the minimum as 0', () => {
  const existing = [web('a', 'n1'), web('b', 'n3')];
  assert.deepEqual(filter(incoming([spread('zone')]), existing), { n1: 'ok', n2: 'ok', n3: 'ok' });
  assert.deepEqual(filter(incoming([spread('zone', 1, { minDomains: 3 })]), existing), { n1: NOT_MATCH, n2: NOT_MATCH, n3: NOT_MATCH });
});

test('a node without the topology key is unresolvable', () => {
  const nodes = [...zoned(), makeNode('bare')];
  const snap = makeSnapshot(nodes);
  const state = cycleState(snap, incoming([spread('zone')]));
  podTopologySpread.preFilter!(state);
  const s = podTopologySpread.filter!(state, snap.get('bare')!);
  assert.deepEqual(s, { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"] });
});

test('pods of other namespaces, other labels, or on ineligible nodes do not count', () => {
  const existing = [web('a', 'n1', 'other'), on('n1', makePod('x', { labels: { app: 'db' } })), web('b', 'n3')];
  // Only zone a is eligible for this pod, so zone b's pod is outside every domain it can use.
  const pod = incoming([spread('zone')], { nodeSelector: { zone: 'a' } });
  assert.deepEqual(filter(pod, existing), { n1: 'ok', n2: 'ok', n3: 'ok' });
});

test('ScheduleAnyway leaves filtering alone and scores by log-weighted counts', () => {
  const soft = { ...spread('kubernetes.io/hostname'), whenUnsatisfiable: 'ScheduleAnyway' as const };
  const existing = [web('a', 'n1'), web('b', 'n1'), web('c', 'n2')];
  assert.deepEqual(filter(incoming([soft]), existing), { n1: 'ok', n2: 'ok', n3: 'ok' });
  const snap = makeSnapshot(zoned(), existing);
  const state = cycleState(snap, incoming([soft]));
  const nodes = snap.nodes();
  podTopologySpread.preScore!(state, nodes);
  const raw = nodes.map((n) => podTopologySpread.score!(state, n));
  // counts 2, 1, 0 × log(3 + 2) = 3.2, 1.6, 0 → rounded 3, 2, 0.
  assert.deepEqual(raw, [3, 2, 0]);
  podTopologySpread.normalizeScore!(state, raw, nodes);
  assert.deepEqual(raw, [0, 33, 100]);
});

test('zone ScheduleAnyway counts the whole domain', () => {
  const soft = { ...spread('zone'), whenUnsatisfiable: 'ScheduleAnyway' as const };
  const snap = makeSnapshot(zoned(), [web('a', 'n1')]);
  const state = cycleState(snap, incoming([soft]));
  const nodes = snap.nodes();
  podTopologySpread.preScore!(state, nodes);
  const s = nodes.map((n) => podTopologySpread.score!(state, n));
  podTopologySpread.normalizeScore!(state, s, nodes);
  // zone a holds 1 (log(4) ≈ 1.39 → 1), zone b holds 0: n1 and n2 score 0, n3 100.
  assert.deepEqual(s, [0, 0, 100]);
});

test('system default constraints spread pods that something selects, by host (maxSkew 3) and zone (5)', () => {
  const nodes = [makeNode('n1'), makeNode('n2')];
  const snap = makeSnapshot(nodes, [web('a', 'n1'), web('b', 'n1')]);
  const state = cycleState(snap, makePod('new', { labels: { app: 'web' } }));
  const list = snap.nodes();
  assert.equal(podTopologySpread.preScore!(state, list)?.code, 'Skip', 'nothing selects the pod');
  snap.spreadSelector = (pod) => (pod.metadata.labels?.app === 'web' ? (l) => l?.app === 'web' : null);
  assert.equal(podTopologySpread.preScore!(state, list), null);
  const s = list.map((n) => podTopologySpread.score!(state, n));
  // Nodes lack a zone label, so only the host constraint counts: 2 × log(4) + 2 ≈ 4.8 → 5, and 2.
  assert.deepEqual(s, [5, 2]);
  podTopologySpread.normalizeScore!(state, s, list);
  assert.deepEqual(s, [40, 100]);
});
