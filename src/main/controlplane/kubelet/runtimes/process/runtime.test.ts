import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Obj } from '../../../client';
import { parseLogRecord } from '../../logs/cri-format';
import { podOn, startProcessNode, until, type ProcessNode } from './test-support';
import { detectCgroups } from './cgroups';

let node: ProcessNode;
const scratch = mkdtempSync(join(tmpdir(), 'wh-proc-test-'));
before(async () => (node = await startProcessNode()));
after(async () => {
  await node.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const get = (name: string): Promise<Obj> => node.admin.get('v1', 'Pod', 'default', name);
const create = async (name: string, spec: Obj): Promise<Obj> => node.admin.create(podOn(node.nodeName, name, spec));
const phase = (name: string, want: string) => until(() => get(name), (p) => p.status?.phase === want);
const logsOf = (pod: Obj, container: string, previous = false): string => {
  const { files } = node.runtime.logFiles({ uid: pod.metadata.uid, namespace: 'default', name: pod.metadata.name }, container, previous);
  return files.map((f) => readFileSync(f, 'utf8')).join('').split('\n').map(parseLogRecord).filter((r) => r).map((r) => r!.content + (r!.partial ? '' : '\n')).join('');
};
const events = async (name: string): Promise<string[]> =>
  ((await node.admin.list('v1', 'Event', { namespace: 'default' })).items as Obj[]).filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason}: ${e.message}`);

test('a command runs as a host process: output in the CRI log, exit code and reason in status', async () => {
  await create('fail', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c'], args: ['echo hi from $(POD_NAME); echo oops >&2; exit 3'], env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }] });
  const pod = await phase('fail', 'Failed');
  const t = pod.status.containerStatuses[0].state.terminated;
  assert.deepEqual([pod.status.phase, t.exitCode, t.reason], ['Failed', 3, 'Error']);
  assert.match(pod.status.containerStatuses[0].containerID, /^process:\/\/[0-9a-f]{64}$/);
  assert.equal(logsOf(pod, 'c'), 'hi from fail\noops\n');
  const seen = await until(() => events('fail'), (e) => e.length >= 3);
  assert.ok(seen.includes('Normal Pulled: Container image "busybox" already present on machine'), seen.join('\n'));
  assert.ok(seen.includes('Normal Started: Started container c'));
});

test('a pod whose command exits 0 completes (what a Job needs)', async () => {
  await create('done', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] });
  const pod = await phase('done', 'Succeeded');
  assert.equal(pod.status.containerStatuses[0].state.terminated.reason, 'Completed');
  assert.equal(pod.status.conditions.find((c: Obj) => c.type === 'Ready').reason, 'PodCompleted');
});

test('a container without a command stays Waiting and says what would make it run', async () => {
  await create('nginx', { containers: [{ name: 'web', image: 'nginx:1.27' }] });
  const pod = await until(() => get('nginx'), (p) => !!p.status?.containerStatuses?.[0]?.state?.waiting?.message);
  const w = pod.status.containerStatuses[0].state.waiting;
  assert.equal(pod.status.phase, 'Pending');
  assert.equal(w.reason, 'CreateContainerError');
  assert.match(w.message, /has no command/);
  assert.match(w.message, /\["nginx","-g","daemon off;"\]/);
  assert.match(w.message, /simulated node/);
  const seen = await until(() => events('nginx'), (e) => e.some((x) => x.startsWith('Warning Failed')));
  assert.ok(seen.some((e) => e.startsWith('Warning Failed: Error: container web has no command')), seen.join('\n'));
});

test('an executable the host lacks leaves the container Waiting with a clear message', async () => {
  await create('missing', { containers: [{ name: 'c', image: 'x', command: ['no-such-binary-wh', '--serve'] }] });
  const pod = await until(() => get('missing'), (p) => !!p.status?.containerStatuses?.[0]?.state?.waiting?.message);
  assert.match(pod.status.containerStatuses[0].state.waiting.message, /executable file "no-such-binary-wh" not found in \$PATH/);
});

test('init containers run in order before the main container; a sidecar keeps running, then stops with the pod', async () => {
  const out = join(scratch, 'order');
  await create('inits', {
    restartPolicy: 'Never',
    initContainers: [
      { name: 'one', image: 'busybox', command: ['sh', '-c', `sleep 0.2; echo one >> ${out}`] },
      { name: 'side', image: 'busybox', restartPolicy: 'Always', command: ['sh', '-c', `echo side >> ${out}; exec sleep 1000`] },
      { name: 'two', image: 'busybox', command: ['sh', '-c', `echo two >> ${out}`] },
    ],
    containers: [{ name: 'main', image: 'busybox', command: ['cat', out] }],
  });
  const pod = await phase('inits', 'Succeeded');
  assert.equal(logsOf(pod, 'main'), 'one\nside\ntwo\n');
  const side = await until(() => get('inits'), (p) => !!p.status.initContainerStatuses[1].state.terminated);
  assert.equal(side.status.initContainerStatuses[1].state.terminated.exitCode, 143, 'the sidecar got SIGTERM once main finished');
});

test('a crashing container restarts at once, then backs off in CrashLoopBackOff', async () => {
  await create('crash', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo run; exit 1'] }] });
  const pod = await until(() => get('crash'), (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff');
  const s = pod.status.containerStatuses[0];
  assert.equal(s.restartCount, 1);
  assert.match(s.state.waiting.message, /^back-off 10s restarting failed container=c pod=crash_default\(/);
  assert.equal(s.lastState.terminated.exitCode, 1);
  assert.equal(logsOf(pod, 'c', true), 'run\n');
  const seen = await until(() => events('crash'), (e) => e.some((x) => x.includes('BackOff')));
  assert.ok(seen.some((e) => e.startsWith('Warning BackOff: Back-off restarting failed container c in pod crash_default')));
});

test('terminationMessagePolicy FallbackToLogsOnError puts the log tail in the status message', async () => {
  await create('msg', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo first; echo boom; exit 2'], terminationMessagePolicy: 'FallbackToLogsOnError' }] });
  const pod = await phase('msg', 'Failed');
  assert.equal(pod.status.containerStatuses[0].state.terminated.message, 'first\nboom\n');
});

test('deletion runs preStop, sends SIGTERM, and the pod goes once its process exits', async () => {
  const marker = join(scratch, 'prestop');
  await create('graceful', {
    containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'trap "echo got TERM; exit 0" TERM; while true; do sleep 0.05; done'], lifecycle: { preStop: { exec: { command: ['sh', '-c', `echo ran > ${marker}`] } } } }],
  });
  const running = await phase('graceful', 'Running');
  assert.equal(running.status.containerStatuses[0].ready, true);
  const uid = running.metadata.uid;
  const logDir = join(node.runtime.pods.get(uid)!.podDir, 'logs', 'c', '0.log');
  const started = Date.now();
  await node.admin.delete('v1', 'Pod', 'default', 'graceful');
  const gone = await until(() => get('graceful').then(() => false, () => true), (g) => g);
  assert.ok(gone);
  assert.ok(Date.now() - started < 4000, 'exited on SIGTERM, long before the 5 s grace period');
  assert.equal(readFileSync(marker, 'utf8'), 'ran\n');
  assert.equal(await until(async () => existsSync(logDir), (e) => !e), false, 'the pod folder is removed with the pod');
});

test('a process that ignores SIGTERM is killed when the grace period ends', async () => {
  await create('stubborn', { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'trap "" TERM; while true; do sleep 0.05; done'] }] });
  await phase('stubborn', 'Running');
  const started = Date.now();
  await node.admin.delete('v1', 'Pod', 'default', 'stubborn');
  await until(() => get('stubborn').then(() => false, () => true), (g) => g);
  const took = Date.now() - started;
  assert.ok(took >= 900 && took < 5000, `took ${took} ms`);
});

test('exec runs in the container environment; processes are listed for stats', async () => {
  await create('shell', { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'], env: [{ name: 'GREETING', value: 'hello' }] }] });
  const pod = await phase('shell', 'Running');
  const ref = { uid: pod.metadata.uid, namespace: 'default', name: 'shell' };
  const session = await node.runtime.exec(ref, 'c', ['sh', '-c', 'echo $GREETING; exit 7'], { tty: false, stdin: false, stdout: true, stderr: true });
  let out = '';
  session.stdout!.on('data', (d) => (out += d));
  assert.deepEqual(await session.exited, { exitCode: 7 });
  assert.equal(out, 'hello\n');
  assert.ok(node.runtime.containerProcesses().some((p) => p.pod === 'shell' && p.container === 'c' && p.pid > 0));
  await assert.rejects(node.runtime.exec(ref, 'c', ['no-such-binary-wh'], { tty: false, stdin: false, stdout: true, stderr: true }), /executable file not found/);
});

test('a shell exec\'d into a pod ends when the pod is deleted', async () => {
  await create('doomed', { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] });
  const pod = await phase('doomed', 'Running');
  const session = await node.runtime.exec({ uid: pod.metadata.uid, namespace: 'default', name: 'doomed' }, 'c', ['sleep', '1000'], { tty: false, stdin: false, stdout: true, stderr: true });
  await node.admin.delete('v1', 'Pod', 'default', 'doomed');
  const ended = await Promise.race([session.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
  assert.notEqual(ended, 'still running', 'the exec session ended with its pod');
});

test('volumes appear to the process; a failing liveness probe restarts the container', async () => {
  await node.admin.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { greeting: 'hello from a configmap' } });
  await create('probed', {
    volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
    containers: [
      {
        name: 'c',
        image: 'busybox',
        // host-network sandboxes cannot bind /etc/cfg, so they tell the process where each mount is
        command: [process.execPath, '-e', "const m = JSON.parse(process.env.WHEELHOUSE_MOUNTS); console.log(require('fs').readFileSync(m['/etc/cfg'] + '/greeting', 'utf8')); setInterval(() => {}, 1000)"],
        volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }],
        livenessProbe: { exec: { command: ['false'] }, initialDelaySeconds: 1, periodSeconds: 1, failureThreshold: 1 },
      },
    ],
  });
  const pod = await until(() => get('probed'), (p) => (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1, 15_000);
  assert.ok(pod.status.containerStatuses[0].restartCount >= 1, JSON.stringify(pod.status.containerStatuses[0]));
  assert.equal(logsOf(pod, 'c', true).split('\n')[0], 'hello from a configmap');
  const seen = await events('probed');
  assert.ok(seen.some((e) => e.startsWith('Warning Unhealthy: Liveness probe failed')), seen.join('\n'));
  assert.ok(seen.some((e) => e === 'Normal Killing: Container c failed liveness probe, will be restarted'), seen.join('\n'));
});

test('a container over its memory limit is OOMKilled (where cgroups exist)', { skip: detectCgroups().mode === 'none' ? detectCgroups().reason : false }, async () => {
  await create('hog', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'x=a; while true; do x=$x$x; done'], resources: { limits: { memory: '32Mi', cpu: '500m' } } }] });
  const pod = await phase('hog', 'Failed');
  const t = pod.status.containerStatuses[0].state.terminated;
  assert.deepEqual([t.reason, t.exitCode], ['OOMKilled', 137]);
});

test('mirror pods of the control plane (which runs in this process) are simulated, not executed', async () => {
  const mirror = podOn(node.nodeName, 'etcd-mirror', { containers: [{ name: 'etcd', image: 'wheelhouse/store:v1.33.0', command: ['wheelhouse', 'store'] }] });
  mirror.metadata.annotations = { 'kubernetes.io/config.mirror': 'abc', 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.hash': 'abc' };
  await node.api.client(`system:node:${node.nodeName}`).create(mirror);
  const pod = await until(() => get('etcd-mirror'), (p) => p.status?.phase === 'Running');
  assert.equal(pod.status.phase, 'Running');
});
