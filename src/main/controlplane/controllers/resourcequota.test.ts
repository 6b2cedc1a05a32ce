import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, setPodPhase, startControllers, type Harness } from './batch-test-support';
import { resourceQuotaController } from './resourcequota';

describe('resource quota controller', () => {
  let h: Harness;
  before(async () => (h = await startControllers([resourceQuotaController])));
  after(() => h.stop());
  const used = (name: string) => h.admin.get('v1', 'ResourceQuota', 'default', name).then((q) => q.status?.used);

  it('reports what the namespace uses against each hard limit, as objects change', async () => {
    const hard = { pods: '4', configmaps: '10', 'count/jobs.batch': '2', 'requests.cpu': '2', 'limits.memory': '2Gi', 'requests.storage': '10Gi' };
    await h.admin.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard } });
    const pod = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '250m' }, limits: { memory: '512Mi' } } }] },
    });
    await h.admin.create(pod('a'));
    const b = await h.admin.create(pod('b'));
    await h.admin.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1', namespace: 'default' } });
    await h.admin.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    const u = await eventually(h, async () => { const x = await used('q'); return x?.pods === '2' && x.configmaps === '1' && x['requests.storage'] === '1Gi' && x; }, 'usage');
    assert.deepEqual(u, { pods: '2', configmaps: '1', 'count/jobs.batch': '0', 'requests.cpu': '500m', 'limits.memory': '1Gi', 'requests.storage': '1Gi' });
    const q = await h.admin.get('v1', 'ResourceQuota', 'default', 'q');
    assert.deepEqual(q.status.hard, hard);
    await setPodPhase(h.admin, b, 'Succeeded');
    await eventually(h, async () => (await used('q'))?.pods === '1', 'finished pods do not count');
  });
});
