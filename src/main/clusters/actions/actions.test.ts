import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBridgeCluster } from '../cache/test-support';

const apps = (plural: string, name: string) => ({ group: 'apps', version: 'v1', plural, namespace: 'default', name });
const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } });

describe('actions over the bridge', () => {
  const b = useBridgeCluster(true);
  const get = (path: string) => b.t.http.json('local', { path });

  it('scales, restarts and rolls back a Deployment', async () => {
    await b.t.http.request('local', { method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: { metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template('nginx:1') } } });
    await b.call('action.scale', { clusterId: 'local', ref: apps('deployments', 'web'), replicas: 3 });
    assert.equal((await get('/apis/apps/v1/namespaces/default/deployments/web')).spec.replicas, 3);

    await b.t.http.request('local', { method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web', contentType: 'application/merge-patch+json', body: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:2' }] } } } } });
    const two = await untilAsync(async () => {
      const r = await b.call<any[]>('action.revisions', { clusterId: 'local', ref: apps('deployments', 'web') });
      return r.length === 2 ? r : undefined;
    });
    assert.deepEqual(two.map((r) => r.revision), [1, 2]);
    await b.call('action.rollback', { clusterId: 'local', ref: apps('deployments', 'web') });
    const rolled = await get('/apis/apps/v1/namespaces/default/deployments/web');
    assert.equal(rolled.spec.template.spec.containers[0].image, 'nginx:1');

    await b.call('action.restart', { clusterId: 'local', ref: apps('deployments', 'web') });
    const restarted = await get('/apis/apps/v1/namespaces/default/deployments/web');
    assert.ok(restarted.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']);
  });

  it('rolls a StatefulSet back to an earlier ControllerRevision', async () => {
    const body = { metadata: { name: 'db' }, spec: { replicas: 0, serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: template('postgres:15') } };
    await b.t.http.request('local', { method: 'POST', path: '/apis/apps/v1/namespaces/default/statefulsets', body });
    await untilAsync(async () => ((await b.call<any[]>('action.revisions', { clusterId: 'local', ref: apps('statefulsets', 'db') })).length === 1 ? true : undefined));
    await b.t.http.request('local', { method: 'PATCH', path: '/apis/apps/v1/namespaces/default/statefulsets/db', contentType: 'application/merge-patch+json', body: { spec: { template: { spec: { containers: [{ name: 'web', image: 'postgres:16' }] } } } } });
    const revs = await untilAsync(async () => {
      const r = await b.call<any[]>('action.revisions', { clusterId: 'local', ref: apps('statefulsets', 'db') });
      return r.length === 2 ? r : undefined;
    });
    await b.call('action.rollback', { clusterId: 'local', ref: apps('statefulsets', 'db'), revision: revs[0].revision });
    assert.equal((await get('/apis/apps/v1/namespaces/default/statefulsets/db')).spec.template.spec.containers[0].image, 'postgres:15');
  });

  it('deletes', async () => {
    await b.t.http.request('local', { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { metadata: { name: 'doomed' } } });
    await b.call('action.delete', { clusterId: 'local', ref: { group: '', version: 'v1', plural: 'configmaps', namespace: 'default', name: 'doomed' }, propagation: 'Background' });
    await assert.rejects(get('/api/v1/namespaces/default/configmaps/doomed'), (e: any) => e.code === 404);
  });

  it('cordons, uncordons and drains a node', async () => {
    await b.t.http.request('local', { method: 'POST', path: '/api/v1/nodes', body: { metadata: { name: 'spare' } } });
    await b.call('action.cordon', { clusterId: 'local', node: 'spare', unschedulable: true });
    assert.equal((await get('/api/v1/nodes/spare')).spec.unschedulable, true);
    await b.call('action.cordon', { clusterId: 'local', node: 'spare', unschedulable: false });
    assert.ok(!(await get('/api/v1/nodes/spare')).spec.unschedulable);

    const pod = (name: string, extra: Record<string, unknown> = {}) =>
      b.t.http.request('local', { method: 'POST', path: '/api/v1/namespaces/default/pods', body: { metadata: { name, ...extra }, spec: { nodeName: 'spare', containers: [{ name: 'c', image: 'x' }] } } });
    await pod('loose');
    await pod('mirror', { annotations: { 'kubernetes.io/config.mirror': 'x' } });
    const r = await b.call('action.drain', { clusterId: 'local', node: 'spare', ignoreDaemonSets: true });
    assert.equal((await get('/api/v1/nodes/spare')).spec.unschedulable, true);
    assert.deepEqual(r.evicted, []);
    assert.deepEqual(r.errors, ['default/loose is not managed by a controller (use force)']);
    const forced = await b.call('action.drain', { clusterId: 'local', node: 'spare', force: true });
    assert.deepEqual(forced.evicted, ['default/loose'], 'mirror pods are skipped');
  });

  it('triggers and suspends a CronJob', async () => {
    const jobTemplate = { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } };
    await b.t.http.request('local', { method: 'POST', path: '/apis/batch/v1/namespaces/default/cronjobs', body: { metadata: { name: 'nightly' }, spec: { schedule: '0 3 * * *', jobTemplate } } });
    const ref = { group: 'batch', version: 'v1', plural: 'cronjobs', namespace: 'default', name: 'nightly' };
    const { job } = await b.call('action.trigger', { clusterId: 'local', ref });
    const created = await get(`/apis/batch/v1/namespaces/default/jobs/${job}`);
    assert.equal(created.metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
    assert.equal(created.metadata.ownerReferences[0].name, 'nightly');
    await b.call('action.suspend', { clusterId: 'local', ref, suspend: true });
    assert.equal((await get('/apis/batch/v1/namespaces/default/cronjobs/nightly')).spec.suspend, true);
  });

  it('checks access with a reason for what is denied', async () => {
    const [ok] = await b.call('access.check', { clusterId: 'local', checks: [{ verb: 'delete', group: 'apps', resource: 'deployments', namespace: 'default' }] });
    assert.deepEqual(ok, { allowed: true });
  });
});

const untilAsync = async <T>(fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};
