import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Obj } from '../client';
import { daemonTolerations, placementOn, targetNodeOf, withNodeAffinity } from './daemonset-placement';
import { rolloutLimits } from './daemonset-rollout';

const node = (name: string, labels: Record<string, string> = {}, taints: Obj[] = []): Obj => ({ metadata: { name, labels }, spec: { taints } });
const template = (spec: Obj = {}): Obj => ({ spec: { containers: [{ name: 'c' }], ...spec } });

test('the automatic tolerations let daemon pods onto not-ready, pressured and cordoned nodes', () => {
  for (const [key, effect] of [
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
  ]) {
    assert.deepEqual(placementOn(template(), node('n', {}, [{ key, effect }])), { shouldRun: true, shouldContinueRunning: true }, key);
  }
  const unavailable = node('n', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]);
  assert.equal(placementOn(template(), unavailable).shouldRun, false);
  assert.equal(placementOn(template({ hostNetwork: true }), unavailable).shouldRun, true, 'hostNetwork pods tolerate network-unavailable');
});

test('NoSchedule keeps new pods off but lets running ones stay; NoExecute evicts', () => {
  assert.deepEqual(placementOn(template(), node('n', {}, [{ key: 'x', effect: 'NoSchedule' }])), { shouldRun: false, shouldContinueRunning: true });
  assert.deepEqual(placementOn(template(), node('n', {}, [{ key: 'x', effect: 'NoExecute' }])), { shouldRun: false, shouldContinueRunning: false });
  const tolerant = template({ tolerations: [{ key: 'x', operator: 'Exists' }] });
  assert.deepEqual(placementOn(tolerant, node('n', {}, [{ key: 'x', value: 'y', effect: 'NoExecute' }])), { shouldRun: true, shouldContinueRunning: true });
});

test('node selector and node affinity terms (ORed terms, ANDed expressions, Gt)', () => {
  const affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'cores', operator: 'Gt', values: ['4'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['special'] }] }],
      },
    },
  };
  const t = template({ affinity, nodeSelector: { os: 'linux' } });
  assert.equal(placementOn(t, node('n1', { os: 'linux', zone: 'a', cores: '8' })).shouldRun, true);
  assert.equal(placementOn(t, node('n2', { os: 'linux', zone: 'a', cores: '2' })).shouldRun, false);
  assert.equal(placementOn(t, node('special', { os: 'linux' })).shouldRun, true);
  assert.equal(placementOn(t, node('n1', { zone: 'a', cores: '8' })).shouldRun, false, 'nodeSelector too');
});

test('daemon pods require their node by metadata.name, replacing the template terms', () => {
  const pinned = withNodeAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } }, 'n7');
  assert.deepEqual(pinned.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms, [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n7'] }] }]);
  assert.equal(targetNodeOf({ spec: { affinity: pinned } }), 'n7');
  assert.equal(daemonTolerations({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }).length, 6, 'no duplicates');
});

test('rollout limits: percentages round up; both zero means one unavailable', () => {
  assert.deepEqual(rolloutLimits({ spec: { updateStrategy: { rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } } } }, 15), { maxSurge: 0, maxUnavailable: 2 });
  assert.deepEqual(rolloutLimits({ spec: { updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } } }, 3), { maxSurge: 0, maxUnavailable: 1 });
  assert.deepEqual(rolloutLimits({ spec: { updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } } } }, 3), { maxSurge: 1, maxUnavailable: 0 });
});
