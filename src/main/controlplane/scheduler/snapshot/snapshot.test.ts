// The snapshot stays right as pods and nodes come, change and go: totals, ports, assumed pods and
// the affinity indexes that cycles read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cycle } from '../framework/cycle';
import { defaultProfile } from '../default-profile';
import { makeNode, makePod, makeSnapshot, on } from '../testing';
import { newPodInfo, podKey } from './pod-info';
import type { Affinity } from '../api';

const antiWeb: Affinity = {
  podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'zone' }] },
};

test('requests, pod counts and ports follow adds, assumes, forgets and removals', () => {
  const snap = makeSnapshot([makeNode('n')]);
  const port = { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '500m' } } }] };
  const p = newPodInfo(makePod('p', port));
  snap.assumePod(p, 'n');
  const n = snap.get('n')!;
  assert.equal(n.requested.milliCpu, 500);
  assert.equal(n.portConflicts({ ip: '0.0.0.0', protocol: 'TCP', port: 80 }), true);
  assert.equal(snap.isAssumed(p.key), true);
  // The informer confirms the binding: same pod, now with nodeName, replaces the assumed copy.
  snap.upsertPod(on('n', makePod('p', port)));
  assert.equal(n.pods.size, 1);
  assert.equal(n.requested.milliCpu, 500);
  assert.equal(snap.isAssumed(p.key), false);
  snap.removePod(podKey(makePod('p')));
  assert.equal(n.requested.milliCpu, 0);
  assert.equal(n.portConflicts({ ip: '0.0.0.0', protocol: 'TCP', port: 80 }), false);
  const q = newPodInfo(makePod('q', { cpu: '1' }));
  snap.assumePod(q, 'n');
  snap.forgetPod(q.key);
  assert.equal(n.requested.milliCpu, 0);
});

test('finished pods free their node', () => {
  const snap = makeSnapshot([makeNode('n')], [on('n', makePod('p', { cpu: '1' }))]);
  const done = { ...on('n', makePod('p', { cpu: '1' })), status: { phase: 'Succeeded' } };
  snap.upsertPod(done);
  assert.equal(snap.get('n')!.requested.milliCpu, 0);
});

test("existing pods' anti-affinity index follows pod deletion and node relabelling", () => {
  const snap = makeSnapshot(
    [makeNode('n1', { labels: { zone: 'a' } }), makeNode('n2', { labels: { zone: 'b' } })],
    [on('n1', makePod('guard', { labels: { app: 'guard' }, affinity: antiWeb }))],
  );
  const cycle = new Cycle(defaultProfile());
  const web = () => newPodInfo(makePod('w', { labels: { app: 'web' } }));
  assert.equal(cycle.run(snap, web()).node, 'n2');
  // Move n2 into zone a: now both nodes are in the guarded zone.
  snap.upsertNode(makeNode('n2', { labels: { zone: 'a' } }));
  assert.match(cycle.run(snap, web()).message!, /2 node\(s\) didn't satisfy existing pods anti-affinity rules/);
  snap.removePod('default/guard');
  assert.ok(cycle.run(snap, web()).node);
});

test("the incoming pod's anti-affinity sees pods assumed a moment ago", () => {
  const snap = makeSnapshot([makeNode('n1'), makeNode('n2')]);
  const cycle = new Cycle(defaultProfile());
  const anti: Affinity = {
    podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] },
  };
  const placed = new Set<string>();
  for (const name of ['a', 'b', 'c']) {
    const p = newPodInfo(makePod(name, { labels: { app: 'web' }, affinity: anti }));
    const r = cycle.run(snap, p);
    if (r.node) {
      placed.add(r.node);
      snap.assumePod(p, r.node);
    } else {
      assert.match(r.message!, /^0\/2 nodes are available: 2 node\(s\) didn't match pod anti-affinity rules\./);
    }
  }
  assert.deepEqual([...placed].sort(), ['n1', 'n2']);
});

test('removing a node drops it from the list but keeps its pods until they go', () => {
  const snap = makeSnapshot([makeNode('n1'), makeNode('n2')], [on('n1', makePod('p'))]);
  snap.removeNode('n1');
  assert.deepEqual(snap.nodes().map((n) => n.name), ['n2']);
  assert.equal(snap.podCount(), 1);
  snap.upsertNode(makeNode('n1'));
  assert.equal(snap.get('n1')!.pods.size, 1);
});
