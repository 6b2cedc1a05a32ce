import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeClock } from '../../client/fake-clock';
import { silentLogger, type Obj } from '../../client';
import { ProbeManager } from './index';
import type { ProbeTarget } from './types';

let server: Server;
let port: number;
const codes: Record<string, number> = { '/live': 200, '/ready': 200, '/started': 500 };

before(async () => {
  server = createServer((req, res) => res.writeHead(codes[req.url ?? ''] ?? 404).end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

const target: ProbeTarget = { podIP: '127.0.0.1', exec: async () => ({ exitCode: 0, output: '' }) };

function setup() {
  const clock = new FakeClock();
  const events: string[] = [];
  const changes: string[] = [];
  const manager = new ProbeManager({ clock, logger: silentLogger, onChange: (uid) => changes.push(uid), record: (_pod, type, reason, message) => events.push(`${type} ${reason} ${message}`) });
  /** moves fake time, then lets the real HTTP round trips the due probes started finish */
  const step = async (ms: number) => {
    await clock.advance(ms);
    await manager.settled();
    await clock.advance(0);
  };
  return { clock, events, changes, manager, step };
}

const pod: Obj = { metadata: { uid: 'u1', name: 'web', namespace: 'default' } };
const http = (path: string, extra: Obj = {}) => ({ httpGet: { path, port }, ...extra });

test('readiness starts false, turns true after successThreshold, and false after failureThreshold', async () => {
  const { manager, step, events, changes, clock } = setup();
  codes['/ready'] = 200;
  const c = { name: 'app', readinessProbe: http('/ready', { initialDelaySeconds: 5, periodSeconds: 2, successThreshold: 2, failureThreshold: 2 }) };
  manager.track(pod, c, 'id-1', clock.now(), target);
  assert.deepEqual(manager.status('u1', 'app'), { started: true, ready: false });
  await step(4000);
  assert.equal(manager.status('u1', 'app').ready, false, 'nothing runs before initialDelaySeconds');
  await step(1000);
  assert.equal(manager.status('u1', 'app').ready, false, 'one success of two');
  await step(2000);
  assert.equal(manager.status('u1', 'app').ready, true);
  assert.deepEqual(changes, ['u1']);
  codes['/ready'] = 503;
  await step(2000);
  assert.equal(manager.status('u1', 'app').ready, true, 'one failure of two');
  await step(2000);
  assert.equal(manager.status('u1', 'app').ready, false);
  assert.deepEqual(events, ['Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 503', 'Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 503']);
  assert.equal(manager.status('u1', 'app').livenessFailed, undefined, 'readiness never restarts');
  manager.close();
});

test('no readiness probe: ready once started; liveness failure asks for a restart and stops probing', async () => {
  const { manager, step, events, changes, clock } = setup();
  codes['/live'] = 500;
  const c = { name: 'app', livenessProbe: http('/live', { periodSeconds: 10, failureThreshold: 3, terminationGracePeriodSeconds: 5 }) };
  manager.track(pod, c, 'id-1', clock.now(), target);
  assert.deepEqual(manager.status('u1', 'app'), { started: true, ready: true });
  await step(0);
  await step(10_000);
  assert.equal(manager.status('u1', 'app').livenessFailed, undefined, 'two failures of three');
  await step(10_000);
  assert.deepEqual(manager.status('u1', 'app'), { started: true, ready: true, livenessFailed: 'Container app failed liveness probe, will be restarted', killGracePeriodSeconds: 5 });
  assert.deepEqual(changes, ['u1']);
  assert.equal(events.length, 3);
  assert.equal(events[0], 'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500');
  await step(60_000);
  assert.equal(events.length, 3, 'on hold until a new container instance');
  codes['/live'] = 200;
  manager.track(pod, c, 'id-1', clock.now(), target);
  assert.ok(manager.status('u1', 'app').livenessFailed, 'tracking the same instance again changes nothing');
  manager.track(pod, c, 'id-2', clock.now(), target);
  assert.deepEqual(manager.status('u1', 'app'), { started: true, ready: true }, 'a new instance starts fresh');
  await step(0);
  assert.equal(events.length, 3);
  manager.close();
});

test('the startup probe gates liveness and readiness; failing it asks for a restart', async () => {
  const { manager, step, events, clock } = setup();
  codes['/started'] = 500;
  codes['/ready'] = 200;
  codes['/live'] = 500;
  const c = { name: 'app', startupProbe: http('/started', { periodSeconds: 1, failureThreshold: 30 }), readinessProbe: http('/ready', { periodSeconds: 1 }), livenessProbe: http('/live', { periodSeconds: 1, failureThreshold: 1 }) };
  manager.track(pod, c, 'id-1', clock.now(), target);
  assert.deepEqual(manager.status('u1', 'app'), { started: false, ready: false });
  for (let i = 0; i < 3; i++) await step(1000);
  assert.deepEqual(manager.status('u1', 'app'), { started: false, ready: false });
  assert.ok(events.every((e) => e.startsWith('Warning Unhealthy Startup probe failed')), 'liveness does not run before startup succeeds');
  codes['/started'] = 200;
  codes['/live'] = 200;
  await step(1000);
  assert.equal(manager.status('u1', 'app').started, true);
  await step(1000);
  assert.deepEqual(manager.status('u1', 'app'), { started: true, ready: true });
  manager.untrack('u1');
  assert.deepEqual(manager.status('u1', 'app'), { started: false, ready: false });

  const failing = setup();
  codes['/started'] = 500;
  failing.manager.track(pod, { name: 'app', startupProbe: http('/started', { periodSeconds: 1, failureThreshold: 2 }) }, 'id-9', failing.clock.now(), target);
  await failing.step(0);
  await failing.step(1000);
  assert.equal(failing.manager.status('u1', 'app').livenessFailed, 'Container app failed startup probe, will be restarted');
  assert.equal(failing.clock.pending(), 0, 'no timers left once on hold');
  failing.manager.close();
  manager.close();
});

test('a pod being deleted gets no more liveness probes; readiness goes on', async () => {
  const { manager, step, events, clock } = setup();
  codes['/live'] = 500;
  codes['/ready'] = 500;
  const c = { name: 'app', livenessProbe: http('/live', { periodSeconds: 1, failureThreshold: 5 }), readinessProbe: http('/ready', { periodSeconds: 1, failureThreshold: 5 }) };
  manager.track(pod, c, 'id-1', clock.now(), target);
  await step(0);
  assert.deepEqual(events.map((e) => e.split(' ')[2]).sort(), ['Liveness', 'Readiness']);
  manager.track({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }, c, 'id-1', clock.now(), target);
  events.length = 0;
  await step(1000);
  await step(1000);
  assert.deepEqual(events.map((e) => e.split(' ')[2]), ['Readiness', 'Readiness']);
  manager.close();
});
