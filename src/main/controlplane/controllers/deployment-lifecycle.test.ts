// Rollback, restart, pause, history limit, progress deadline, proportional scaling and adoption,
// through the real API with kubelets stood in for (pods marked ready by the test).
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
  const name = `l${++nsCount}`;
  await c.admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return name;
}

const deploymentOf = (ns: string, replicas: number, extra: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: ns },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, ...extra },
});

const get = (ns: string): Promise<Obj> => c.admin.get('apps/v1', 'Deployment', ns, 'web');
const rss = async (ns: string): Promise<Obj[]> => (await c.admin.list('apps/v1', 'ReplicaSet', { namespace: ns })).items;
const progressing = (d: Obj): Obj | undefined => d.status?.conditions?.find((x: Obj) => x.type === 'Progressing');
const setImage = (ns: string, image: string): Promise<Obj> =>
  c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image }] } } } });

async function rollOut(ns: string): Promise<Obj> {
  for (let i = 0; i < 40; i++) {
    await c.settle();
    const d = await get(ns);
    if (d.status?.observedGeneration >= d.metadata.generation && progressing(d)?.reason === 'NewReplicaSetAvailable' && d.status.updatedReplicas === d.spec.replicas && d.status.replicas === d.spec.replicas) return d;
    await c.markReady(ns);
  }
  throw new Error(`rollout did not finish: ${JSON.stringify((await get(ns)).status)}`);
}

test('rolling back by template (what kubectl rollout undo patches) reuses the old ReplicaSet and bumps its revision', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 2));
  await rollOut(ns);
  const [first] = await rss(ns);
  await setImage(ns, 'nginx:1.28');
  await rollOut(ns);
  await setImage(ns, 'nginx');
  const d = await rollOut(ns);
  const after = await rss(ns);
  assert.equal(after.length, 2, 'no third ReplicaSet');
  const back = after.find((rs) => rs.metadata.uid === first.metadata.uid)!;
  assert.equal(back.metadata.annotations['deployment.kubernetes.io/revision'], '3');
  assert.equal(back.metadata.annotations['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(back.spec.replicas, 2);
  assert.equal(d.metadata.annotations['deployment.kubernetes.io/revision'], '3');
});

test('a restart annotation on the template rolls out a new ReplicaSet', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 2));
  await rollOut(ns);
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } } } } });
  await rollOut(ns);
  const list = await rss(ns);
  assert.equal(list.length, 2);
  assert.deepEqual(list.map((rs) => rs.spec.replicas).sort(), [0, 2]);
});

test('a paused Deployment rolls nothing out, says DeploymentPaused, and resumes', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 2));
  await rollOut(ns);
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { paused: true } });
  await setImage(ns, 'nginx:1.28');
  await c.settle();
  assert.equal((await rss(ns)).length, 1);
  let d = await get(ns);
  assert.deepEqual([progressing(d)?.status, progressing(d)?.reason], ['Unknown', 'DeploymentPaused']);
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { replicas: 3 } });
  await c.settle();
  assert.deepEqual((await rss(ns)).map((rs) => rs.spec.replicas), [3], 'scaling still works while paused');
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { paused: false } });
  d = await rollOut(ns);
  assert.equal(d.metadata.annotations['deployment.kubernetes.io/revision'], '2');
});

test('revisionHistoryLimit keeps only that many old ReplicaSets', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 1, { revisionHistoryLimit: 1 }));
  await rollOut(ns);
  for (const tag of ['1.26', '1.27', '1.28']) {
    await setImage(ns, `nginx:${tag}`);
    await rollOut(ns);
  }
  await c.settle();
  const list = await rss(ns);
  assert.deepEqual(list.map((rs) => rs.metadata.annotations['deployment.kubernetes.io/revision']).sort(), ['3', '4']);
});

test('a rollout that stops moving is marked ProgressDeadlineExceeded after progressDeadlineSeconds', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 2, { progressDeadlineSeconds: 30 }));
  await c.settle();
  assert.match(progressing(await get(ns))?.reason, /^(NewReplicaSetCreated|ReplicaSetUpdated)$/);
  await c.clock.advance(20_000);
  await c.settle();
  assert.equal(progressing(await get(ns))?.status, 'True', 'not yet');
  await c.clock.advance(15_000);
  await c.settle();
  const d = await get(ns);
  assert.deepEqual([progressing(d)?.status, progressing(d)?.reason], ['False', 'ProgressDeadlineExceeded']);
  assert.match(progressing(d)?.message, /^ReplicaSet "web-\w+" has timed out progressing\.$/);
});

test('resizing mid-rollout shares the new replicas among old and new ReplicaSets in proportion', async () => {
  const ns = await namespace();
  const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
  await c.admin.create(deploymentOf(ns, 10, { strategy }));
  await rollOut(ns);
  await setImage(ns, 'nginx:broken');
  await c.settle();
  // New pods never get ready: the rollout sits at 13 pods, 8 old and 5 new.
  const before = (await rss(ns)).map((rs) => rs.spec.replicas).sort((a, b) => a - b);
  assert.deepEqual(before, [5, 8]);
  await c.admin.patch('apps/v1', 'Deployment', ns, 'web', 'merge', { spec: { replicas: 20 } });
  await c.settle();
  const after = (await rss(ns)).map((rs) => rs.spec.replicas).sort((a, b) => a - b);
  assert.equal(after[0]! + after[1]!, 23, '20 + maxSurge 3');
  assert.deepEqual(after, [9, 14]);
});

test('an orphaned ReplicaSet matching the selector is adopted; one relabelled away is released', async () => {
  const ns = await namespace();
  await c.admin.create(deploymentOf(ns, 1));
  await rollOut(ns);
  const [rs] = await rss(ns);
  await c.admin.patch('apps/v1', 'ReplicaSet', ns, rs.metadata.name, 'json', [{ op: 'remove', path: '/metadata/ownerReferences' }]);
  await c.settle();
  const adopted = await c.admin.get('apps/v1', 'ReplicaSet', ns, rs.metadata.name);
  assert.equal(adopted.metadata.ownerReferences?.[0]?.name, 'web');
  assert.equal((await rss(ns)).length, 1, 'no duplicate made');
});
