// InterPodAffinity: required affinity / anti-affinity of the incoming pod, existing pods'
// anti-affinity against it, and preferred terms both ways in the score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Affinity, Pod, PodAffinityTerm } from '../api';
import { cycleState, makeNode, makePod, makeSnapshot, on } from '../testing';
import { interPodAffinity } from './inter-pod-affinity';

const HOST = 'kubernetes.io/hostname';
const term = (app: string, topologyKey: string, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  labelSelector: { matchLabels: { app } },
  topologyKey,
  ...extra,
});
const nodes = () => [
  makeNode('n1', { labels: { zone: 'a' } }),
  makeNode('n2', { labels: { zone: 'a' } }),
  makeNode('n3', { labels: { zone: 'b' } }),
];
const pod = (name: string, app: string, affinity?: Affinity, namespace?: string) => makePod(name, { labels: { app }, affinity, namespace });
const anti = (...terms: PodAffinityTerm[]): Affinity => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });
const affinity = (...terms: PodAffinityTerm[]): Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });

function filter(incoming: Pod, existing: Pod[]): Record<string, string> {
  const snap = makeSnapshot(nodes(), existing);
  const state = cycleState(snap, incoming);
  const pre = interPodAffinity.preFilter!(state);
  const out: Record<string, string> = {};
  for (const n of snap.nodes()) out[n.name] = pre?.code === 'Skip' ? 'ok' : (interPodAffinity.filter!(state, n)?.reasons[0] ?? 'ok');
  return out;
}

const ANTI = "node(s) didn't match pod anti-affinity rules";
const EXISTING = "node(s) didn't satisfy existing pods anti-affinity rules";
const AFF = "node(s) didn't match pod affinity rules";

test('incoming anti-affinity by hostname keeps away from matching pods', () => {
  const got = filter(pod('new', 'web', anti(term('web', HOST))), [on('n1', pod('w1', 'web'))]);
  assert.deepEqual(got, { n1: ANTI, n2: 'ok', n3: 'ok' });
});

test('incoming anti-affinity by zone blocks the whole zone', () => {
  const got = filter(pod('new', 'web', anti(term('web', 'zone'))), [on('n1', pod('w1', 'web'))]);
  assert.deepEqual(got, { n1: ANTI, n2: ANTI, n3: 'ok' });
});

test("existing pods' anti-affinity against the incoming pod", () => {
  const existing = [on('n1', pod('guard', 'guard', anti(term('db', 'zone'))))];
  assert.deepEqual(filter(pod('new', 'db'), existing), { n1: EXISTING, n2: EXISTING, n3: 'ok' });
  assert.deepEqual(filter(pod('other', 'web'), existing), { n1: 'ok', n2: 'ok', n3: 'ok' });
});

test('anti-affinity terms look only in the named namespaces (default: the pod own)', () => {
  const existing = [on('n1', pod('w1', 'web', undefined, 'team-b'))];
  assert.deepEqual(filter(pod('new', 'web', anti(term('web', HOST))), existing), { n1: 'ok', n2: 'ok', n3: 'ok' });
  const wide = pod('new', 'web', anti(term('web', HOST, { namespaces: ['team-b'] })));
  assert.deepEqual(filter(wide, existing), { n1: ANTI, n2: 'ok', n3: 'ok' });
  const all = pod('new', 'web', anti(term('web', HOST, { namespaceSelector: {} })));
  assert.deepEqual(filter(all, existing), { n1: ANTI, n2: 'ok', n3: 'ok' });
});

test('required affinity follows matching pods into their zone', () => {
  const got = filter(pod('new', 'web', affinity(term('cache', 'zone'))), [on('n3', pod('c1', 'cache'))]);
  assert.deepEqual(got, { n1: AFF, n2: AFF, n3: 'ok' });
  const snap = makeSnapshot(nodes(), [on('n3', pod('c1', 'cache'))]);
  const state = cycleState(snap, pod('new', 'web', affinity(term('cache', 'zone'))));
  interPodAffinity.preFilter!(state);
  assert.equal(interPodAffinity.filter!(state, snap.get('n1')!)?.code, 'UnschedulableAndUnresolvable');
});

test('the first pod of a self-affine group may go anywhere; a stranger may not', () => {
  assert.deepEqual(filter(pod('first', 'cache', affinity(term('cache', 'zone'))), []), { n1: 'ok', n2: 'ok', n3: 'ok' });
  assert.deepEqual(filter(pod('stranger', 'web', affinity(term('cache', 'zone'))), []), { n1: AFF, n2: AFF, n3: AFF });
});

function score(incoming: Pod, existing: Pod[]): number[] {
  const snap = makeSnapshot(nodes(), existing);
  const state = cycleState(snap, incoming);
  const list = snap.nodes();
  if (interPodAffinity.preScore!(state, list)?.code === 'Skip') return [];
  const s = list.map((n) => interPodAffinity.score!(state, n));
  interPodAffinity.normalizeScore!(state, s, list);
  return s;
}

test('preferred affinity and anti-affinity of the incoming pod', () => {
  const existing = [on('n3', pod('c1', 'cache'))];
  const likes: Affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('cache', 'zone') }] } };
  assert.deepEqual(score(pod('new', 'web', likes), existing), [0, 0, 100]);
  const dislikes: Affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('cache', HOST) }] } };
  assert.deepEqual(score(pod('new', 'web', dislikes), existing), [100, 100, 0]);
  assert.deepEqual(score(pod('plain', 'web'), existing), []);
});

test("existing pods' preferences and required affinity towards the incoming pod", () => {
  const shy: Affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term('web', 'zone') }] } };
  assert.deepEqual(score(pod('new', 'web'), [on('n1', pod('s', 'shy', shy))]), [0, 0, 100]);
  assert.deepEqual(score(pod('new', 'web'), [on('n2', pod('f', 'fan', affinity(term('web', HOST))))]), [0, 100, 0]);
});

test('preferred terms are weighted per matching pod, across differently labelled pods', () => {
  const existing = [
    on('n1', makePod('c1', { labels: { app: 'cache', v: '1' } })),
    on('n3', makePod('c2', { labels: { app: 'cache', v: '1' } })),
    on('n3', makePod('c3', { labels: { app: 'cache', v: '2' } })),
  ];
  const mixed: Affinity = {
    podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('cache', 'zone') }] },
    podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term('cache', HOST) }] },
  };
  // n1: zone a (1 cache) 10 − host (1) 5 = 5; n2: 10 − 0 = 10; n3: zone b (2) 20 − host (2) 10 = 10.
  assert.deepEqual(score(pod('new', 'web', mixed), existing), [0, 100, 100]);
});
