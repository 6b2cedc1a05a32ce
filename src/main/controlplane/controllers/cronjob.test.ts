import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { eventually, startControllers, type Harness } from './batch-test-support';
import { cronJobController } from './cronjob';

const cronJob = (name: string, spec: Obj): Obj => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name, namespace: 'default' },
  spec: {
    schedule: '*/5 * * * *',
    jobTemplate: { metadata: { labels: { app: name } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
    ...spec,
  },
});

describe('CronJob controller', () => {
  let h: Harness;
  before(async () => (h = await startControllers([cronJobController])));
  after(() => h.stop());

  const jobsOf = async (name: string) => (await h.admin.list('batch/v1', 'Job', { namespace: 'default', labelSelector: `app=${name}` })).items.filter((j: Obj) => !j.metadata.deletionTimestamp);
  const waitJobs = (name: string, n: number) => eventually(h, async () => { const j = await jobsOf(name); return j.length === n && j; }, `${n} jobs of ${name}`);
  const complete = async (job: Obj) => {
    const fresh = await h.admin.get('batch/v1', 'Job', 'default', job.metadata.name);
    const t = new Date(h.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    fresh.status = { startTime: t, completionTime: t, succeeded: 1, conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }] };
    await h.admin.updateStatus(fresh);
  };
  const minutes = () => Math.floor(h.clock.now() / 60_000);

  it('starts a Job at each scheduled time, named after the scheduled minute', async () => {
    await h.admin.create(cronJob('tick', {}));
    await h.clock.advance(5 * 60_000);
    const [job] = await waitJobs('tick', 1);
    const scheduled = Math.floor(minutes() / 5) * 5;
    assert.equal(job.metadata.name, `tick-${scheduled}`);
    assert.equal(job.metadata.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'], new Date(scheduled * 60_000).toISOString().replace('.000Z', 'Z'));
    assert.equal(job.metadata.ownerReferences[0].kind, 'CronJob');
    const cj = await eventually(h, async () => { const c = await h.admin.get('batch/v1', 'CronJob', 'default', 'tick'); return c.status?.active?.length === 1 && c; }, 'active');
    assert.equal(cj.status.active[0].name, job.metadata.name);
    assert.equal(cj.status.lastScheduleTime, new Date(scheduled * 60_000).toISOString().replace('.000Z', 'Z'));
  });

  it('Forbid skips a run while the previous Job is active', async () => {
    await h.admin.create(cronJob('forbid', { concurrencyPolicy: 'Forbid' }));
    await h.clock.advance(5 * 60_000);
    await waitJobs('forbid', 1);
    await h.clock.advance(5 * 60_000);
    await eventually(h, async () => (await h.admin.list('v1', 'Event', { namespace: 'default' })).items.some((e: Obj) => e.reason === 'JobAlreadyActive' && e.involvedObject.name === 'forbid'), 'JobAlreadyActive');
    assert.equal((await jobsOf('forbid')).length, 1);
  });

  it('Replace deletes the running Job and starts a new one', async () => {
    await h.admin.create(cronJob('replace', { concurrencyPolicy: 'Replace' }));
    await h.clock.advance(5 * 60_000);
    const [first] = await waitJobs('replace', 1);
    await h.clock.advance(5 * 60_000);
    await eventually(h, async () => { const j = await jobsOf('replace'); return j.length === 1 && j[0].metadata.name !== first.metadata.name; }, 'replaced');
  });

  it('keeps only successfulJobsHistoryLimit finished Jobs', async () => {
    await h.admin.create(cronJob('hist', { schedule: '* * * * *', successfulJobsHistoryLimit: 1 }));
    for (let i = 1; i <= 3; i++) {
      await h.clock.advance(60_000);
      const jobs = await eventually(h, async () => { const j = await jobsOf('hist'); return j.some((x: Obj) => !x.status?.conditions) && j; }, `run ${i}`);
      for (const j of jobs.filter((x: Obj) => !x.status?.conditions)) await complete(j);
    }
    await h.clock.advance(1000);
    const left = await waitJobs('hist', 1);
    const cj = await h.admin.get('batch/v1', 'CronJob', 'default', 'hist');
    assert.ok(cj.status.lastSuccessfulTime);
    assert.equal(left.length, 1);
  });
});
