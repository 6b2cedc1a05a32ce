// The process runtime through kubectl: a real `wheelhouse cluster start` whose local node runs
// containers as host processes. kubectl 1.27 and 1.33 (the oldest and newest installed) each run the
// story; the CronJob, which takes up to a minute, runs once.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ClusterProcess } from './harness';
import { useCluster, eventually, kubectlsOrSkip } from './suite';
import { KubectlSession } from './kubectl';

const all = kubectlsOrSkip();
const kubectls = all.length > 1 ? [all[0], all[all.length - 1]] : all;
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), ['--local-runtime', 'process']);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version} on the process runtime`, () => {
    const ns = `proc${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    const json = (args: string[]): any => JSON.parse(k.ok([...args, '-o', 'json']));

    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
    });

    test('kubectl run with a command completes and its output is in the logs', async () => {
      k.ok(['run', 'hello', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo hi from $HOSTNAME']);
      await eventually('pod hello Completed', () => /hello\s+0\/1\s+Completed\s+0/.test(k.run(['get', 'pod', 'hello']).stdout));
      assert.equal(k.ok(['logs', 'hello']), 'hi from hello\n');
      const events = k.ok(['get', 'events', '--field-selector', 'involvedObject.name=hello']);
      assert.match(events, /Started\s+pod\/hello\s+Started container hello/);
    });

    test('a Job whose command exits 0 completes', () => {
      k.ok(['create', 'job', 'ok', '--image=busybox', '--', 'sh', '-c', 'echo done']);
      assert.match(k.ok(['wait', '--for=condition=complete', 'job/ok', '--timeout=30s']), /condition met/);
      assert.equal(json(['get', 'job', 'ok']).status.succeeded, 1);
    });

    test('a crashing pod goes into CrashLoopBackOff and its restart count grows', async () => {
      k.ok(['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo attempt; exit 3']);
      await eventually('CrashLoopBackOff', () => /crash\s+0\/1\s+CrashLoopBackOff\s+1/.test(k.run(['get', 'pod', 'crash']).stdout));
      const status = json(['get', 'pod', 'crash']).status.containerStatuses[0];
      assert.equal(status.lastState.terminated.exitCode, 3);
      assert.equal(k.ok(['logs', 'crash', '--previous']), 'attempt\n');
      // the second restart waits out the first 10 s backoff
      await eventually('a second restart', () => json(['get', 'pod', 'crash']).status.containerStatuses[0].restartCount >= 2, 30_000);
      assert.match(k.ok(['describe', 'pod', 'crash']), /Back-off restarting failed container crash/);
    });

    test('an image without a command stays Waiting and says what would make it run', async () => {
      k.ok(['run', 'web', '--image=nginx']);
      await eventually('CreateContainerError', () => /web\s+0\/1\s+CreateContainerError/.test(k.run(['get', 'pod', 'web']).stdout));
      assert.match(k.ok(['describe', 'pod', 'web']), /Error: container web has no command.*\["nginx","-g","daemon off;"\]/);
    });

    if (kubectl === kubectls[0]) {
      test('a CronJob every minute runs a Job to completion', async () => {
        k.ok(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/1 * * * *', '--', 'sh', '-c', 'date']);
        await eventually('a completed Job from the CronJob', () => json(['get', 'jobs']).items.some((j: any) => j.metadata.ownerReferences?.[0]?.name === 'tick' && j.status.succeeded === 1), 90_000);
        await eventually('lastSuccessfulTime', () => !!json(['get', 'cronjob', 'tick']).status.lastSuccessfulTime, 20_000);
      });
    }
  });
}
