// Pod shells against the real built-in cluster (process runtime, pods/exec through the API server
// and the kubelet): the first shell that exists is used, the tty resizes, the exit code comes back,
// and a pod that does not exist is named in the error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { startPodShell } from './pod-shell';
import { acquireMachineLock, releaseMachineLock } from '../../../../test/machine-lock';
import type { SessionEnd, TerminalSession } from './session';

const dir = mkdtempSync(join(tmpdir(), 'wh-pod-shell-'));
let cluster: RunningCluster;
let kc: KubeConfig;

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  await acquireMachineLock();
  cluster = await startCluster({ port: 0, dataDir: join(dir, 'data'), kubeconfigPath: join(dir, 'kubeconfig.yaml') });
  kc = new KubeConfig();
  kc.loadFromFile(join(dir, 'kubeconfig.yaml'));
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'box' }, spec: { containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }] } } });
  await until(async () => (await core.readNamespacedPod({ namespace: 'default', name: 'box' })).status?.phase === 'Running', 'pod box to run');
});
after(async () => {
  await cluster.stop();
  releaseMachineLock();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

test('a missing shell falls back to the next; the exit code reaches the user', async () => {
  const session: TerminalSession = await startPodShell(kc, { namespace: 'default', pod: 'box', container: 'main' }, 80, 24, [['no-such-shell'], ['sh']]);
  assert.deepEqual(session.command, ['sh']);
  let out = '';
  let end: SessionEnd | undefined;
  session.onData((b) => (out += Buffer.from(b).toString()));
  session.onEnd((e) => (end = e));
  session.write(Buffer.from('echo "host=$HOSTNAME"\r'));
  await until(() => /host=box/.test(out), 'the shell to answer', 20_000).catch(() => assert.fail(JSON.stringify(out)));
  session.write(Buffer.from('exit 4\r'));
  await until(() => !!end, 'the shell to exit', 20_000);
  assert.deepEqual(end, { exitCode: 4, message: 'exited with code 4', dropped: false });
});

test('the tty gets its first size at once and every resize after', async () => {
  const session = await startPodShell(kc, { namespace: 'default', pod: 'box' }, 100, 40);
  let out = '';
  session.onData((b) => (out += Buffer.from(b).toString()));
  try {
    session.write(Buffer.from('echo "first=$(stty size)"\r'));
    await until(() => /first=40 100/.test(out), 'the first size', 10_000).catch(() => assert.fail(JSON.stringify(out)));
    session.resize(120, 30);
    await new Promise((r) => setTimeout(r, 200));
    session.write(Buffer.from('echo "now=$(stty size)"\r'));
    await until(() => /now=30 120/.test(out), 'the new size', 10_000).catch(() => assert.fail(JSON.stringify(out)));
  } finally {
    session.close();
  }
});

test('a pod that does not exist is named in the error', async () => {
  await assert.rejects(startPodShell(kc, { namespace: 'default', pod: 'ghost' }, 80, 24), /could not open a shell in pod default\/ghost/);
});
