import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from './fake-clock';
import { LeaderElector } from './leader-elector';
import { silentLogger } from './logger';
import { startTestApi, type TestApi } from './test-support';

let api: TestApi;
let clock: FakeClock;
let electors: LeaderElector[] = [];
beforeEach(async () => {
  clock = new FakeClock();
  api = await startTestApi({ clock });
});
afterEach(async () => {
  await Promise.all(electors.map((e) => e.stop()));
  electors = [];
  api.close();
});

const candidate = (identity: string, log: string[], releaseOnStop = true): LeaderElector => {
  const elector = new LeaderElector({
    client: api.client('system:kube-scheduler'),
    name: 'kube-scheduler',
    identity,
    clock,
    logger: silentLogger,
    releaseOnStop,
    onStartedLeading: () => log.push(`${identity} leads`),
    onStoppedLeading: () => log.push(`${identity} stops`),
  });
  electors.push(elector);
  elector.start();
  return elector;
};

const lease = () => api.client().get('coordination.k8s.io/v1', 'Lease', 'kube-system', 'kube-scheduler');

test('the first candidate takes the lease and renews it every 2 s', async () => {
  const log: string[] = [];
  const a = candidate('a', log);
  await clock.advance(0);
  assert.ok(a.isLeader());
  const first = (await lease()).spec;
  assert.equal(first.holderIdentity, 'a');
  assert.equal(first.leaseDurationSeconds, 15);
  assert.equal(first.leaseTransitions, 0);
  assert.equal(first.renewTime, '2026-01-01T00:00:00.000000Z');
  await clock.advance(2_000);
  const renewed = (await lease()).spec;
  assert.equal(renewed.renewTime, '2026-01-01T00:00:02.000000Z');
  assert.equal(renewed.acquireTime, first.acquireTime);
  assert.deepEqual(log, ['a leads']);
});

test('a second candidate does not lead until the first stops renewing and the lease expires', async () => {
  const log: string[] = [];
  const a = candidate('a', log, false);
  await clock.advance(0);
  const b = candidate('b', log);
  await clock.advance(20_000);
  assert.ok(a.isLeader() && !b.isLeader(), 'b waits while a renews');
  await a.stop(); // a crashes: no release
  await clock.advance(10_000);
  assert.ok(!b.isLeader(), 'the lease has not expired yet');
  await clock.advance(8_000);
  assert.ok(b.isLeader(), 'b takes over once a missed renewals for the lease duration');
  const spec = (await lease()).spec;
  assert.equal(spec.holderIdentity, 'b');
  assert.equal(spec.leaseTransitions, 1);
  assert.deepEqual(log, ['a leads', 'a stops', 'b leads']);
});

test('a leader that stops releases the lease so the next takes over at once', async () => {
  const log: string[] = [];
  const a = candidate('a', log);
  await clock.advance(0);
  const b = candidate('b', log);
  await clock.advance(4_000);
  await a.stop();
  await clock.advance(2_000);
  assert.ok(b.isLeader());
});

test('a leader whose lease was taken by someone else steps down', async () => {
  const log: string[] = [];
  const a = candidate('a', log);
  await clock.advance(0);
  const current = await lease();
  await api.client().update({ ...current, spec: { ...current.spec, holderIdentity: 'intruder' } });
  await clock.advance(2_000);
  assert.ok(!a.isLeader());
  assert.deepEqual(log, ['a leads', 'a stops']);
});
