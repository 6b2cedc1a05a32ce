// Jobs, CronJobs, cascading deletion, namespace deletion, default ServiceAccounts and quota usage with
// every installed kubectl 1.27–1.33, against a real `wheelhouse cluster start` (controllers, scheduler,
// simulated nodes, whose runtime completes Job pods after about a second).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ClusterProcess } from './harness';
import { useCluster, eventually, sleep, kubectlsOrSkip, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), SIMULATED_LOCAL_NODES);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version} batch and lifecycle`, () => {
    const ns = `b${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    const json = (args: string[]): any => JSON.parse(k.ok([...args, '-o', 'json']));
    const names = (what: string, selector: string): string[] =>
      json(['get', what, '-l', selector]).items.filter((o: any) => !o.metadata.deletionTimestamp).map((o: any) => o.metadata.name);
    // the whole story on the oldest and newest kubectl; the core of it on the others, to stay quick
    const full = kubectl === kubectls[0] || kubectl === kubectls[kubectls.length - 1];

    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
    });

    test('a new namespace has the default ServiceAccount', async () => {
      await eventually('default sa', () => /^default\s+/m.test(k.run(['get', 'sa']).stdout));
    });

    test('kubectl create job runs to completion', () => {
      assert.match(k.ok(['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi']), /job\.batch\/hello created/);
      assert.match(k.ok(['wait', '--for=condition=complete', 'job/hello', '--timeout=30s']), /condition met/);
      const job = json(['get', 'job', 'hello']);
      assert.equal(job.status.succeeded, 1);
      assert.ok(job.status.completionTime);
      const pod = json(['get', 'pods', '-l', 'batch.kubernetes.io/job-name=hello']).items[0];
      assert.equal(pod.status.phase, 'Succeeded');
      assert.deepEqual(pod.metadata.finalizers ?? [], [], 'the job-tracking finalizer is gone once counted');
    });

    test('kubectl create cronjob, and a job from it', { skip: !full }, () => {
      assert.match(k.ok(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date']), /cronjob\.batch\/tick created/);
      assert.match(k.ok(['create', 'job', 'tick-now', '--from=cronjob/tick']), /job\.batch\/tick-now created/);
      const job = json(['get', 'job', 'tick-now']);
      assert.equal(job.metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
      assert.equal(job.metadata.ownerReferences[0].kind, 'CronJob');
      assert.match(k.ok(['wait', '--for=condition=complete', 'job/tick-now', '--timeout=30s']), /condition met/);
    });

    test('quota usage shows in kubectl get resourcequota', async () => {
      k.ok(['create', 'quota', 'q', '--hard=pods=10,configmaps=20,count/jobs.batch=9']);
      await eventually('quota used', () => /pods: \d+\/10/.test(k.ok(['get', 'resourcequota', 'q'])));
      const used = json(['get', 'resourcequota', 'q']).status.used;
      assert.ok(Number(used['count/jobs.batch']) >= 1, JSON.stringify(used));
    });

    test('deleting a deployment deletes its ReplicaSets and pods; orphan keeps them', { skip: !full }, async () => {
      k.ok(['create', 'deployment', 'gone', '--image=nginx', '--replicas=2']);
      k.ok(['create', 'deployment', 'kept', '--image=nginx', '--replicas=1']);
      await eventually('pods of both', () => names('pods', 'app=gone').length === 2 && names('pods', 'app=kept').length === 1);
      k.ok(['delete', 'deployment', 'gone']);
      await eventually('gone dependents deleted', () => names('rs', 'app=gone').length === 0 && names('pods', 'app=gone').length === 0);
      k.ok(['delete', 'deployment', 'kept', '--cascade=orphan']);
      await sleep(1000);
      const rs = json(['get', 'rs', '-l', 'app=kept']).items;
      assert.equal(rs.length, 1);
      assert.equal(rs[0].metadata.ownerReferences, undefined);
      assert.equal(names('pods', 'app=kept').length, 1);
    });

    test('foreground deletion removes dependents before the owner', { skip: !full }, async () => {
      k.ok(['create', 'deployment', 'fg', '--image=nginx', '--replicas=1']);
      await eventually('fg pod', () => names('pods', 'app=fg').length === 1);
      k.ok(['delete', 'deployment', 'fg', '--cascade=foreground']);
      assert.equal(names('rs', 'app=fg').length, 0);
    });

    test('kubectl delete namespace removes its content and the namespace', async () => {
      k.ok(['delete', 'namespace', ns, '--timeout=60s'], { namespaced: false });
      assert.match(k.run(['get', 'namespace', ns], { namespaced: false }).stderr, /NotFound|not found/);
    });
  });
}
