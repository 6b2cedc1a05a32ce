// Golden cases for the stage table: a pod in, the API status out at given moments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../client/fake-clock';
import { apiPodStatus } from '../../pod-status';
import type { NodeEnv } from '../types';
import { SimulatedRuntime } from './runtime';
import { defaultStages } from './stages';

type Obj = Record<string, any>;
const T0 = Date.parse('2026-01-01T00:00:00Z');

const env: NodeEnv = { nodeName: 'sim-0001', hostIP: '10.240.0.2', allocatePodIP: () => '10.244.1.2', releasePodIP: () => undefined };

const podOf = (spec: Obj = {}, annotations: Obj = {}): Obj => ({
  metadata: { name: 'p', namespace: 'default', uid: '11111111-2222-3333-4444-555555555555', annotations },
  spec: { nodeName: 'sim-0001', restartPolicy: 'Always', containers: [{ name: 'app', image: 'nginx' }], ...spec },
  status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }], qosClass: 'BestEffort' },
});

/** runs the pod through the runtime at each moment (ms after T0), feeding each status back, as the agent does */
async function statusesAt(pod: Obj, moments: number[], deleteAt?: number): Promise<Obj[]> {
  const clock = new FakeClock(T0);
  const runtime = new SimulatedRuntime({ clock, stages: defaultStages({ startMs: 1000, startJitterMs: 0, runMs: 2000, stopMs: 200 }), random: () => 0 });
  const out: Obj[] = [];
  let current = structuredClone(pod);
  for (const at of moments) {
    await clock.advance(at - (clock.now() - T0));
    if (deleteAt !== undefined && at >= deleteAt) current.metadata.deletionTimestamp ??= new Date(T0 + deleteAt + 30_000).toISOString();
    const r = current.metadata.deletionTimestamp ? await runtime.killPod(current, 30_000, env) : await runtime.syncPod(current, env);
    current = { ...current, status: apiPodStatus(current, r.pod, env.hostIP, clock.now()) };
    out.push(current.status);
  }
  return out;
}

const summary = (s: Obj): Obj => ({
  phase: s.phase,
  ready: s.conditions.find((c: Obj) => c.type === 'Ready')?.status,
  state: Object.keys(s.containerStatuses?.[0]?.state ?? {})[0],
  reason: s.containerStatuses?.[0]?.state?.waiting?.reason ?? s.containerStatuses?.[0]?.state?.terminated?.reason,
  restarts: s.containerStatuses?.[0]?.restartCount,
});

test('a long-running pod: ContainerCreating, then Running and Ready with IPs, start time and container ids', async () => {
  const [creating, running] = await statusesAt(podOf(), [0, 1000]);
  assert.deepEqual(summary(creating), { phase: 'Pending', ready: 'False', state: 'waiting', reason: 'ContainerCreating', restarts: 0 });
  assert.equal(creating.conditions.find((c: Obj) => c.type === 'Ready').reason, 'ContainersNotReady');
  assert.equal(creating.conditions.find((c: Obj) => c.type === 'Ready').message, 'containers with unready status: [app]');
  assert.deepEqual(summary(running), { phase: 'Running', ready: 'True', state: 'running', reason: undefined, restarts: 0 });
  assert.deepEqual(running.conditions.map((c: Obj) => [c.type, c.status]), [
    ['PodReadyToStartContainers', 'True'],
    ['Initialized', 'True'],
    ['Ready', 'True'],
    ['ContainersReady', 'True'],
    ['PodScheduled', 'True'],
  ]);
  assert.deepEqual([running.podIP, running.hostIP, running.startTime], ['10.244.1.2', '10.240.0.2', '2026-01-01T00:00:00Z']);
  const c = running.containerStatuses[0];
  assert.deepEqual([c.image, c.started, c.ready, c.state.running.startedAt], ['docker.io/library/nginx:latest', true, true, '2026-01-01T00:00:01Z']);
  assert.match(c.containerID, /^wheelhouse-simulated:\/\/[0-9a-f]{64}$/);
  assert.match(c.imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
});

test('a run-to-completion pod (restartPolicy Never with a command) ends Succeeded', async () => {
  const pod = podOf({ restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox', command: ['true'] }] });
  const [, running, done] = await statusesAt(pod, [0, 1000, 3000]);
  assert.equal(running.phase, 'Running');
  assert.deepEqual(summary(done), { phase: 'Succeeded', ready: 'False', state: 'terminated', reason: 'Completed', restarts: 0 });
  assert.equal(done.conditions.find((c: Obj) => c.type === 'Ready').reason, 'PodCompleted');
  assert.equal(done.containerStatuses[0].state.terminated.exitCode, 0);
});

test('wheelhouse.dev/simulate-exit-code makes a Never pod Failed', async () => {
  const pod = podOf({ restartPolicy: 'Never' }, { 'wheelhouse.dev/simulate-exit-code': '3' });
  const [, , failed] = await statusesAt(pod, [0, 1000, 3000]);
  assert.deepEqual(summary(failed), { phase: 'Failed', ready: 'False', state: 'terminated', reason: 'Error', restarts: 0 });
  assert.equal(failed.containerStatuses[0].state.terminated.exitCode, 3);
});

test('a crashing Always pod restarts at once, then backs off in CrashLoopBackOff (10 s, 20 s)', async () => {
  const pod = podOf({}, { 'wheelhouse.dev/simulate-exit-code': '1' });
  const s = await statusesAt(pod, [0, 1000, 3000, 5000, 6000, 15_000, 17_000, 36_000]);
  assert.deepEqual(s.map(summary).map((x) => `${x.phase}/${x.state}/${x.reason ?? ''}/${x.restarts}`), [
    'Pending/waiting/ContainerCreating/0',
    'Running/running//0',
    'Running/running//1', // exited at 3 s and restarted at once
    'Running/waiting/CrashLoopBackOff/1', // exited again at 5 s: back-off 10 s
    'Running/waiting/CrashLoopBackOff/1',
    'Running/running//2', // restarted at 15 s
    'Running/waiting/CrashLoopBackOff/2', // exited at 17 s: back-off 20 s
    'Running/waiting/CrashLoopBackOff/2',
  ]);
  assert.equal(s[3].containerStatuses[0].state.waiting.message, 'back-off 10s restarting failed container=app pod=p_default(11111111-2222-3333-4444-555555555555)');
  assert.deepEqual(s[3].containerStatuses[0].lastState.terminated.exitCode, 1);
});

test('init containers run first: PodInitializing, then the app container starts', async () => {
  const pod = podOf({ initContainers: [{ name: 'setup', image: 'busybox', command: ['true'] }] });
  const [init, afterInit, running] = await statusesAt(pod, [0, 1000, 2000]);
  assert.equal(init.conditions.find((c: Obj) => c.type === 'Initialized').message, 'containers with incomplete status: [setup]');
  assert.equal(init.containerStatuses[0].state.waiting.reason, 'PodInitializing');
  assert.equal(afterInit.initContainerStatuses[0].state.terminated.reason, 'Completed');
  assert.equal(afterInit.containerStatuses[0].state.waiting.reason, 'ContainerCreating');
  assert.equal(running.phase, 'Running');
});

test('deletion stops the containers within the stop delay', async () => {
  const s = await statusesAt(podOf(), [0, 1000, 5000, 5100, 5200], 5000);
  assert.equal(s[2].containerStatuses[0].state.running !== undefined, true);
  assert.equal(s[4].containerStatuses[0].state.terminated?.reason, 'Completed');
});

test('after a restart the runtime takes a running pod back from its status instead of starting it over', async () => {
  const [, running] = await statusesAt(podOf(), [0, 1000]);
  const clock = new FakeClock(T0 + 60_000);
  const fresh = new SimulatedRuntime({ clock, random: () => 0 });
  const reserved: string[] = [];
  const r = await fresh.syncPod({ ...podOf(), status: running }, { ...env, reservePodIP: (_uid, ip) => reserved.push(ip) });
  const again = apiPodStatus({ ...podOf(), status: running }, r.pod, env.hostIP, clock.now());
  assert.deepEqual(again.containerStatuses, running.containerStatuses);
  assert.deepEqual([again.phase, again.podIP, again.startTime], ['Running', '10.244.1.2', '2026-01-01T00:00:00Z']);
  assert.deepEqual(reserved, ['10.244.1.2']);
});
