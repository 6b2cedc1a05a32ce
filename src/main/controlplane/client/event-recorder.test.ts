import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventRecorder } from './event-recorder';
import { FakeClock } from './fake-clock';
import { silentLogger } from './logger';
import { startTestApi, type TestApi } from './test-support';

let api: TestApi;
before(async () => (api = await startTestApi()));
after(() => api.close());

const podRef = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` } });
const eventsFor = async (name: string) =>
  (await api.client().list('v1', 'Event', { namespace: 'default' })).items.filter((e: any) => e.involvedObject.name === name);

test('records an Event with the fields kubectl describe shows', async () => {
  const clock = new FakeClock();
  const recorder = new EventRecorder({ client: api.client('system:kube-scheduler'), component: 'default-scheduler', clock, logger: silentLogger });
  recorder.event(podRef('web-1'), 'Normal', 'Scheduled', 'Successfully assigned default/web-1 to node-a');
  await recorder.flush();
  const [event] = await eventsFor('web-1');
  assert.equal(event.type, 'Normal');
  assert.equal(event.reason, 'Scheduled');
  assert.equal(event.source.component, 'default-scheduler');
  assert.equal(event.count, 1);
  assert.equal(event.firstTimestamp, '2026-01-01T00:00:00Z');
  assert.deepEqual(event.involvedObject, { kind: 'Pod', apiVersion: 'v1', name: 'web-1', namespace: 'default', uid: 'uid-web-1' });
  assert.match(event.metadata.name, /^web-1\.[0-9a-f]+$/);
});

test('the same event within ten minutes increments count on the existing Event', async () => {
  const clock = new FakeClock();
  const recorder = new EventRecorder({ client: api.client(), component: 'kubelet', host: 'node-a', clock, logger: silentLogger });
  const pod = podRef('crashy');
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  await clock.advance(5 * 60 * 1000);
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  await recorder.flush();
  let events = await eventsFor('crashy');
  assert.equal(events.length, 1);
  assert.equal(events[0].count, 3);
  assert.equal(events[0].firstTimestamp, '2026-01-01T00:00:00Z');
  assert.equal(events[0].lastTimestamp, '2026-01-01T00:05:00Z');
  recorder.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
  await clock.advance(11 * 60 * 1000);
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  await recorder.flush();
  events = await eventsFor('crashy');
  assert.equal(events.length, 3, 'a different reason, and the same one after the window, make new Events');
});

test('a failing write is logged, never thrown at the caller', async () => {
  const warnings: string[] = [];
  const recorder = new EventRecorder({ client: api.client(), component: 'x', logger: { warn: (m) => warnings.push(m) } });
  const orphan = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'no-such-namespace' } };
  assert.doesNotThrow(() => recorder.event(orphan, 'Normal', 'Pulled', 'ok'));
  assert.doesNotThrow(() => recorder.event(null as never, 'Normal', 'Pulled', 'ok'));
  await recorder.flush();
  assert.equal(warnings.length, 2);
});

test('an object reporting without pause is cut off after a burst of 25, then gets one per 5 minutes', async () => {
  const clock = new FakeClock();
  const recorder = new EventRecorder({ client: api.client(), component: 'kubelet', clock, logger: silentLogger });
  const pod = podRef('noisy');
  for (let i = 0; i < 40; i++) recorder.event(pod, 'Warning', 'Failed', `attempt ${i}`);
  await recorder.flush();
  assert.equal((await eventsFor('noisy')).length, 25);
  await clock.advance(5 * 60 * 1000);
  recorder.event(pod, 'Warning', 'Failed', 'attempt 40');
  recorder.event(pod, 'Warning', 'Failed', 'attempt 41');
  await recorder.flush();
  assert.equal((await eventsFor('noisy')).length, 26);
});
