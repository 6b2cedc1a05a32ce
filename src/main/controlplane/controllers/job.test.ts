import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { eventually, listPods, setPodPhase, startControllers, type Harness } from './batch-test-support';
import { jobController } from './job';
import { ttlAfterFinishedController } from './job-ttl-after-finished';

const job = (name: string, spec: Obj = {}): Obj => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } }, ...spec },
});

const getJob = (h: Harness, name: string) => h.admin.get('batch/v1', 'Job', 'default', name);
const podsOf = (h: Harness, name: string) => listPods(h.admin, 'default', `batch.kubernetes.io/job-name=${name}`);
const condition = (j: Obj, type: string) => (j.status?.conditions ?? []).find((c: Obj) => c.type === type && c.status === 'True');
const waitPods = (h: Harness, name: string, n: number, live = true) =>
  eventually(h, async () => {
    const pods = (await podsOf(h, name)).filter((p) => !live || (!p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase)));
    return pods.length === n && pods;
  }, `${n} pods of ${name}`);

describe('Job controller', () => {
  let h: Harness;
  before(async () => (h = await startControllers([jobController, ttlAfterFinishedController])));
  after(() => h.stop());

  it('runs pods to the wanted completions and ends Complete', async () => {
    await h.admin.create(job('done', { completions: 2, parallelism: 1 }));
    const [first] = await waitPods(h, 'done', 1);
    assert.equal(first.metadata.labels['batch.kubernetes.io/job-name'], 'done');
    assert.equal(first.metadata.labels['job-name'], 'done');
    assert.deepEqual(first.metadata.finalizers, ['batch.kubernetes.io/job-tracking']);
    await setPodPhase(h.admin, first, 'Succeeded');
    const [second] = await waitPods(h, 'done', 1);
    assert.notEqual(second.metadata.name, first.metadata.name);
    await setPodPhase(h.admin, second, 'Succeeded');
    const done = await eventually(h, async () => { const j = await getJob(h, 'done'); return condition(j, 'Complete') && j; }, 'Complete');
    assert.equal(done.status.succeeded, 2);
    assert.ok(done.status.completionTime);
    assert.deepEqual(done.status.conditions.map((c: Obj) => c.type), ['SuccessCriteriaMet', 'Complete']);
    const pods = await podsOf(h, 'done');
    assert.ok(pods.every((p) => !(p.metadata.finalizers ?? []).length), 'finalizers removed once counted');
    const events = (await h.admin.list('v1', 'Event', { namespace: 'default' })).items.filter((e: Obj) => e.involvedObject.name === 'done');
    assert.ok(events.some((e: Obj) => e.reason === 'SuccessfulCreate'));
    assert.ok(events.some((e: Obj) => e.reason === 'Completed' && e.message === 'Job completed'));
  });

  it('fails with BackoffLimitExceeded once more pods failed than backoffLimit', async () => {
    await h.admin.create(job('flaky', { backoffLimit: 1 }));
    for (let i = 0; i < 2; i++) {
      const [pod] = await waitPods(h, 'flaky', 1);
      await setPodPhase(h.admin, pod, 'Failed');
    }
    const failed = await eventually(h, async () => { const j = await getJob(h, 'flaky'); return condition(j, 'Failed') && j; }, 'Failed');
    const c = condition(failed, 'Failed');
    assert.equal(c.reason, 'BackoffLimitExceeded');
    assert.equal(c.message, 'Job has reached the specified backoff limit');
    assert.equal(failed.status.failed, 2);
  });

  it('Indexed jobs give each pod its completion index', async () => {
    await h.admin.create(job('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    const pods = await waitPods(h, 'idx', 3);
    const indexes = pods.map((p) => p.metadata.annotations['batch.kubernetes.io/job-completion-index']).sort();
    assert.deepEqual(indexes, ['0', '1', '2']);
    for (const p of pods) await setPodPhase(h.admin, p, 'Succeeded');
    const done = await eventually(h, async () => { const j = await getJob(h, 'idx'); return condition(j, 'Complete') && j; }, 'Complete');
    assert.equal(done.status.completedIndexes, '0-2');
  });

  it('suspend deletes active pods and resuming recreates them', async () => {
    await h.admin.create(job('sus', { parallelism: 2, completions: 2 }));
    await waitPods(h, 'sus', 2);
    const j = await getJob(h, 'sus');
    j.spec.suspend = true;
    await h.admin.update(j);
    await eventually(h, async () => (await podsOf(h, 'sus')).length === 0, 'pods gone');
    const suspended = await eventually(h, async () => { const x = await getJob(h, 'sus'); return condition(x, 'Suspended') && x; }, 'Suspended');
    assert.equal(condition(suspended, 'Suspended').reason, 'JobSuspended');
    assert.equal(suspended.status.failed ?? 0, 0, 'pods deleted by suspension are not failures');
    suspended.spec.suspend = false;
    await h.admin.update(suspended);
    await waitPods(h, 'sus', 2);
  });

  it('activeDeadlineSeconds fails the Job with DeadlineExceeded', async () => {
    await h.admin.create(job('slow', { activeDeadlineSeconds: 30 }));
    await waitPods(h, 'slow', 1);
    await h.clock.advance(31_000);
    const failed = await eventually(h, async () => { const j = await getJob(h, 'slow'); return condition(j, 'Failed') && j; }, 'Failed');
    assert.equal(condition(failed, 'Failed').reason, 'DeadlineExceeded');
    assert.equal(condition(failed, 'FailureTarget').reason, 'DeadlineExceeded');
  });

  it('ttlSecondsAfterFinished deletes the finished Job', async () => {
    await h.admin.create(job('short', { ttlSecondsAfterFinished: 60 }));
    const [pod] = await waitPods(h, 'short', 1);
    await setPodPhase(h.admin, pod, 'Succeeded');
    await eventually(h, async () => condition(await getJob(h, 'short'), 'Complete'), 'Complete');
    await h.clock.advance(61_000);
    await eventually(h, async () => {
      const j = await getJob(h, 'short').catch(() => undefined);
      return !j || !!j.metadata.deletionTimestamp;
    }, 'Job deleted');
  });
});
