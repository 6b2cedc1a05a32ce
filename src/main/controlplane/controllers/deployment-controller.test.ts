import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { deploymentController } from './deployment-controller';
import { replicaSetController } from './replicaset-controller';
import { startTestCluster, type TestCluster } from './util/test-cluster';

let c: TestCluster;
before(async () => (c = await startTestCluster([deploymentController, replicaSetController])));
after(() => c.stop());

let nsCount = 0;
async function namespace(): Promise<string> {
  const name = `d${++nsCount}`;
  await c.admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return name;
}

export const deploymentOf = (ns: string, name: string, replicas: number, extra: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, ...extra },
});

const live = async (ns: string): Promise<Obj[]> => (await c.admin.list('v1', 'Pod', { namespace: ns })).items.filter((p: Obj) => !p.metadata.deletionTimestamp);
const replicaSets = async (ns: string): Promise<Obj[]> => (await c.admin.list('apps/v1', 'ReplicaSet', { namespace: ns })).items;
const get = (ns: string, name: string): Promise<Obj> => c.admin.get('apps/v1', 'Deployment', ns, name);
const cond = (d: Obj, type: string): Obj | undefined => d.status?.conditions?.find((x: Obj) => x.type === type);

/** kubelets stand-in: marks pods ready step by step until the rollout is done, checking `each` between steps */
async function rollOut(ns: string, name: string, each?: (pods: Obj[]) => Promise<void> | void, steps = 40): Promise<Obj> {
  for (let i = 0; i < steps; i++) {
    await c.settle();
    await each?.(await live(ns));
    const d = await get(ns, name);
    if (d.status?.observedGeneration >= d.metadata.generation && cond(d, 'Progressing')?.reason === 'NewReplicaSetAvailable' && d.status.updatedReplicas === d.spec.replicas && d.status.replicas === d.spec.replicas) return d;
    await c.markReady(ns);
  }
  throw new Error(`rollout of ${name} did not finish: ${JSON.stringify((await get(ns, name)).status)}`);
}

test('a Deployment makes <name>-<hash> with revision 1 and reports a finished rollout', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 'web', 3));
  const d = await rollOut(ns, 'web');
  const [rs] = await replicaSets(ns);
  const hash = rs.metadata.labels['pod-template-hash'];
  assert.equal(rs.metadata.name, `web-${hash}`);
  assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  assert.equal(rs.spec.selector.matchLabels['pod-template-hash'], hash);
  assert.equal(rs.metadata.annotations['deployment.kubernetes.io/revision'], '1');
  assert.equal(rs.metadata.annotations['deployment.kubernetes.io/desired-replicas'], '3');
  assert.equal(rs.metadata.annotations['deployment.kubernetes.io/max-replicas'], '4');
  assert.equal(d.metadata.annotations['deployment.kubernetes.io/revision'], '1');
  assert.deepEqual([d.status.replicas, d.status.updatedReplicas, d.status.readyReplicas, d.status.availableReplicas], [3, 3, 3, 3]);
  assert.equal(cond(d, 'Available')?.reason, 'MinimumReplicasAvailable');
  const events = (await c.admin.list('v1', 'Event', { namespace: ns })).items.filter((e: Obj) => e.reason === 'ScalingReplicaSet');
  assert.deepEqual(events.map((e: Obj) => e.message), [`Scaled up replica set ${rs.metadata.name} to 3 from 0`]);
});

test('scaling a Deployment up and down resizes its ReplicaSet', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 'web', 2));
  await rollOut(ns, 'web');
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { replicas: 5 } });
  await rollOut(ns, 'web');
  assert.equal((await live(ns)).length, 5);
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { replicas: 1 } });
  const d = await rollOut(ns, 'web');
  assert.equal((await live(ns)).length, 1);
  assert.equal(d.status.availableReplicas, 1);
});

test('a rolling update never exceeds maxSurge nor drops below maxUnavailable, at any step', async () => {
  const ns = await namespace();
  const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 1 } };
  await c.admin.create(deploymentOf(ns, 'web', 6, { strategy }));
  await rollOut(ns, 'web');
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
  let steps = 0;
  const d = await rollOut(ns, 'web', (pods) => {
    steps++;
    assert.ok(pods.length <= 8, `at most 6+2 pods, saw ${pods.length}`);
    const ready = pods.filter((p) => p.status?.conditions?.some((x: Obj) => x.type === 'Ready' && x.status === 'True'));
    assert.ok(ready.length >= 5, `at least 6-1 ready, saw ${ready.length}`);
  });
  assert.ok(steps > 2, 'the rollout took several steps');
  const pods = await live(ns);
  assert.ok(pods.every((p) => p.spec.containers[0].image === 'nginx:1.28'));
  assert.equal(d.metadata.annotations['deployment.kubernetes.io/revision'], '2');
  const rss = await replicaSets(ns);
  assert.equal(rss.length, 2);
  assert.deepEqual(rss.map((rs) => [rs.metadata.annotations['deployment.kubernetes.io/revision'], rs.spec.replicas]).sort(), [['1', 0], ['2', 6]]);
});

test('Recreate removes every old pod before any new one exists', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 'web', 3, { strategy: { type: 'Recreate' } }));
  await rollOut(ns, 'web');
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
  await rollOut(ns, 'web', (pods) => {
    const images = new Set(pods.map((p) => p.spec.containers[0].image));
    assert.ok(images.size <= 1, `old and new pods side by side: ${[...images]}`);
  });
  assert.equal((await live(ns)).filter((p) => p.spec.containers[0].image === 'nginx:1.28').length, 3);
});
