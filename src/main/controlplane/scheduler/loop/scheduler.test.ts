// The loop against the real API storage (in memory): informers in, conditions, events and bindings out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../../client/test-support';
import { SharedInformerFactory } from '../../client/informer-factory';
import { EventRecorder } from '../../client/event-recorder';
import { silentLogger } from '../../client/logger';
import type { ApiClient, Obj } from '../../client/api-client';
import { Scheduler } from './scheduler';
import { makeNode, makePod } from '../testing';

let api: TestApi;
before(async () => (api = await startTestApi()));
after(() => api.close());

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function createNode(client: ApiClient, node: Obj): Promise<void> {
  const created = await client.create({ apiVersion: 'v1', kind: 'Node', ...node });
  await client.updateStatus({ ...created, status: node.status });
}

async function startScheduler(): Promise<{ scheduler: Scheduler; client: ApiClient; stop: () => Promise<void> }> {
  const client = api.client('system:kube-scheduler');
  const informers = new SharedInformerFactory({ client, logger: silentLogger });
  const recorder = new EventRecorder({ client, component: 'default-scheduler', logger: silentLogger });
  const scheduler = new Scheduler({ client, informers, recorder, logger: silentLogger, rng: () => 0 });
  await scheduler.start();
  return {
    scheduler,
    client,
    stop: async () => {
      await scheduler.stop();
      await recorder.flush();
      await informers.shutdown();
    },
  };
}

test('a pod that fits nowhere gets PodScheduled=False, a FailedScheduling event and an explanation', async () => {
  const admin = api.client('system:admin');
  await createNode(admin, makeNode('small-1', { cpu: '1' }));
  await createNode(admin, makeNode('tainted', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }));
  const { scheduler, stop } = await startScheduler();
  try {
    await admin.create({ apiVersion: 'v1', kind: 'Pod', ...makePod('too-big', { cpu: '2' }) });
    const want =
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. ' +
      'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.';
    const condition = await until('the PodScheduled condition', async () => {
      const pod = await admin.get('v1', 'Pod', 'default', 'too-big');
      return pod.status?.conditions?.find((c: Obj) => c.type === 'PodScheduled');
    });
    assert.equal(condition.status, 'False');
    assert.equal(condition.reason, 'Unschedulable');
    assert.equal(condition.message, want);
    const event = await until('the FailedScheduling event', async () => {
      const events = await admin.list('v1', 'Event', { namespace: 'default' });
      return events.items.find((e: Obj) => e.reason === 'FailedScheduling' && e.involvedObject.name === 'too-big');
    });
    assert.equal(event.type, 'Warning');
    assert.equal(event.message, want);
    const explained = scheduler.explain('default', 'too-big')!;
    assert.equal(explained.outcome, 'Unschedulable');
    assert.deepEqual(explained.nodes.map((n) => [n.node, n.failedPlugin]).sort(), [['small-1', 'NodeResourcesFit'], ['tainted', 'TaintToleration']]);
    assert.equal(scheduler.queue.stats.unschedulable, 1);
  } finally {
    await stop();
  }
});

test('a fitting pod is bound through pods/binding and assumed at once', async () => {
  const admin = api.client('system:admin');
  await createNode(admin, makeNode('roomy', { cpu: '8' }));
  const { scheduler, client, stop } = await startScheduler();
  try {
    const probe = await client.bindPod('default', 'no-such-pod', 'roomy').catch((e: Error) => e);
    assert.match(String((probe as Error).message), /pods "no-such-pod" not found/);
    await admin.create({ apiVersion: 'v1', kind: 'Pod', ...makePod('web', { cpu: '1' }) });
    const bound = await until('the binding', async () => {
      const pod = await admin.get('v1', 'Pod', 'default', 'web');
      return pod.spec.nodeName as string | undefined;
    });
    assert.equal(bound, 'roomy');
    assert.equal(scheduler.explain('default', 'web')?.node, 'roomy');
    // The parked pod from the first test fits now that a roomy node arrived.
    const moved = await until('the parked pod to be bound', async () => (await admin.get('v1', 'Pod', 'default', 'too-big')).spec.nodeName as string | undefined);
    assert.equal(moved, 'roomy');
  } finally {
    await stop();
  }
});

test('preemption evicts a lower-priority pod and nominates its node', async () => {
  const admin = api.client('system:admin');
  await admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'preempt' } });
  await createNode(admin, makeNode('busy', { cpu: '1', labels: { pool: 'busy' } }));
  await admin.create({ apiVersion: 'v1', kind: 'Pod', ...makePod('victim', { namespace: 'preempt', cpu: '1', nodeName: 'busy', priority: 0 }) });
  const { stop } = await startScheduler();
  try {
    await admin.create({ apiVersion: 'v1', kind: 'Pod', ...makePod('vip', { namespace: 'preempt', cpu: '1', priority: 1000, nodeSelector: { pool: 'busy' } }) });
    const nominated = await until('the nomination', async () => (await admin.get('v1', 'Pod', 'preempt', 'vip')).status?.nominatedNodeName as string | undefined);
    assert.equal(nominated, 'busy');
    await until('the victim to go', async () => {
      const gone = await admin.get('v1', 'Pod', 'preempt', 'victim').then((p) => (p.metadata.deletionTimestamp ? p : undefined), () => true);
      return gone;
    });
    const event = await until('the Preempted event', async () => {
      const events = await admin.list('v1', 'Event', { namespace: 'preempt' });
      return events.items.find((e: Obj) => e.reason === 'Preempted');
    });
    assert.match(event.message, /^Preempted by pod .+ on node busy$/);
  } finally {
    await stop();
  }
});

test("a Service's pods are spread by the system default constraints", async () => {
  const admin = api.client('system:admin');
  await admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'spread' } });
  await admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'spread' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  await createNode(admin, makeNode('sa', { labels: { pool: 'spread' } }));
  await createNode(admin, makeNode('sb', { labels: { pool: 'spread' } }));
  await admin.create({ apiVersion: 'v1', kind: 'Pod', ...makePod('web-1', { namespace: 'spread', labels: { app: 'web' }, nodeName: 'sa' }) });
  const { scheduler, stop } = await startScheduler();
  try {
    await admin.create({ apiVersion: 'v1', kind: 'Pod', ...makePod('web-2', { namespace: 'spread', labels: { app: 'web' }, nodeSelector: { pool: 'spread' } }) });
    const e = await until('a decision', async () => scheduler.explain('spread', 'web-2'));
    const spread = (node: string) => e.nodes.find((n) => n.node === node)?.scores?.find((s) => s.plugin === 'PodTopologySpread')?.score;
    assert.equal(spread('sb'), 100);
    assert.ok(spread('sa')! < 100);
    assert.equal(e.node, 'sb');
  } finally {
    await stop();
  }
});
