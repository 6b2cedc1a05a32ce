import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../../client';
import { podsToDelete } from './pod-ranking';

const pod = (name: string, o: { node?: string; phase?: string; ready?: boolean; readySince?: string; restarts?: number; created?: string } = {}): Obj => ({
  metadata: { name, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z' },
  spec: o.node ? { nodeName: o.node } : {},
  status: {
    phase: o.phase ?? 'Running',
    conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: o.readySince ?? '2026-01-01T00:00:00Z' }],
    containerStatuses: [{ restartCount: o.restarts ?? 0 }],
  },
});

const order = (pods: Obj[], related: Obj[] = pods): string[] => podsToDelete(pods, related, pods.length).map((p) => p.metadata.name);

test('unscheduled, then pending, then not ready, then ready', () => {
  const pods = [pod('ready', { node: 'a', ready: true }), pod('notready', { node: 'a' }), pod('pending', { node: 'a', phase: 'Pending' }), pod('unscheduled', { phase: 'Pending' })];
  assert.deepEqual(order(pods), ['unscheduled', 'pending', 'notready', 'ready']);
});

test('among ready pods: doubled up on a node first, then ready for less time, more restarts, newer', () => {
  const crowded = [pod('x1', { node: 'x', ready: true }), pod('x2', { node: 'x', ready: true })];
  const lone = pod('lone', { node: 'y', ready: true });
  assert.equal(order([lone, crowded[0]!], [lone, ...crowded])[0], 'x1');
  assert.deepEqual(order([pod('old', { node: 'a', ready: true }), pod('recent', { node: 'b', ready: true, readySince: '2026-01-02T00:00:00Z' })], []), ['recent', 'old']);
  assert.deepEqual(order([pod('calm', { node: 'a', ready: true }), pod('crashy', { node: 'b', ready: true, restarts: 3 })], []), ['crashy', 'calm']);
  assert.deepEqual(order([pod('older', { node: 'a' }), pod('newer', { node: 'b', created: '2026-01-03T00:00:00Z' })], []), ['newer', 'older']);
});
