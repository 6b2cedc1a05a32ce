// A pod's effective request, as upstream computes it for fitting and for scoring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podNonZeroRequests, podRequests } from './resources';
import { makePod } from '../testing';
import type { Container } from '../api';

const c = (name: string, cpu?: string, memory?: string, restartPolicy?: string): Container => ({
  name,
  restartPolicy,
  resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } },
});

test('max(sum of containers, largest init container) plus overhead', () => {
  const pod = makePod('p', { containers: [c('a', '500m', '1Gi'), c('b', '250m', '1Gi')], initContainers: [c('i', '1', '512Mi')], overhead: { cpu: '100m' } });
  const r = podRequests(pod);
  assert.equal(r.milliCpu, 1100);
  assert.equal(r.memory, 2 * 1024 ** 3);
});

test('sidecars (restartable init containers) run alongside everything after them', () => {
  const pod = makePod('p', { containers: [c('app', '1')], initContainers: [c('proxy', '200m', undefined, 'Always'), c('migrate', '2')] });
  // migrate runs with proxy: 2.2; then app runs with proxy: 1.2 → 2.2.
  assert.equal(podRequests(pod).milliCpu, 2200);
});

test('scoring counts missing cpu/memory requests as 100m and 200Mi per container', () => {
  const pod = makePod('p', { containers: [c('a'), c('b', '1')] });
  const r = podNonZeroRequests(pod);
  assert.equal(r.milliCpu, 1100);
  assert.equal(r.memory, 2 * 200 * 1024 ** 2);
  assert.equal(podRequests(pod).memory, 0);
});

test('extended resources add up too', () => {
  const gpu = (n: string): Container => ({ name: n, resources: { requests: { 'nvidia.com/gpu': '1' } } });
  assert.equal(podRequests(makePod('p', { containers: [gpu('a'), gpu('b')] })).scalar['nvidia.com/gpu'], 2);
});
