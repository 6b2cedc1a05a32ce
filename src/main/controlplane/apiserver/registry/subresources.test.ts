import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { harness, pod, withNamespace, type Harness } from './testing';

const rejects = (p: Promise<unknown>, code: number, message?: string) =>
  assert.rejects(p, (err: unknown) => err instanceof StatusError && err.code === code && (message === undefined || err.message === message));

const deployment = (name: string, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

describe('patch', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness();
    await withNamespace(h);
  });
  afterEach(() => h.close());

  const cm = (name?: string, query: Record<string, string> = {}) => h.req('configmaps', { ns: 'default', name, query });

  it('applies merge and json patches to the latest object', async () => {
    await h.storage.create(cm(), { metadata: { name: 'a' }, data: { x: '1' } });
    const merged = await h.storage.patch(cm('a'), 'merge', { data: { y: '2' } });
    assert.deepEqual(merged.object.data, { x: '1', y: '2' });
    const patched = await h.storage.patch(cm('a'), 'json', [{ op: 'remove', path: '/data/x' }]);
    assert.deepEqual(patched.object.data, { y: '2' });
    await rejects(h.storage.patch(cm('missing'), 'merge', {}), 404, 'configmaps "missing" not found');
  });

  it('treats a resourceVersion in the patch as a precondition', async () => {
    await h.storage.create(cm(), { metadata: { name: 'a' } });
    await rejects(h.storage.patch(cm('a'), 'merge', { metadata: { resourceVersion: '1' }, data: { x: '1' } }), 409);
  });

  it('concurrent patches all land', async () => {
    await h.storage.create(cm(), { metadata: { name: 'a' }, data: {} });
    await Promise.all(Array.from({ length: 20 }, (_, i) => h.storage.patch(cm('a'), 'merge', { data: { [`k${i}`]: 'v' } })));
    const got = await h.storage.get(cm('a'));
    assert.equal(Object.keys(got.data).length, 20);
  });

  it('server-side apply needs a field manager, creates when missing and updates after', async () => {
    await rejects(
      h.storage.patch(cm('a'), 'apply', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }),
      422,
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
    const created = await h.storage.patch(cm('a', { fieldManager: 'me' }), 'apply', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { x: '1' } });
    assert.equal(created.code, 201);
    const updated = await h.storage.patch(cm('a', { fieldManager: 'me' }), 'apply', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { x: '2' } });
    assert.equal(updated.code, 200);
    assert.equal(updated.object.data.x, '2');
  });
});

describe('status and scale subresources', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness();
    await withNamespace(h);
  });
  afterEach(() => h.close());

  it('a status write changes only status', async () => {
    const created = (await h.storage.create(h.req('pods', { ns: 'default' }), pod('web'))).object;
    const body = structuredClone(created);
    body.status = { phase: 'Running' };
    body.spec.containers[0].image = 'changed';
    body.metadata.labels = { changed: 'yes' };
    const res = await h.storage.update(h.req('pods', { ns: 'default', name: 'web', sub: 'status' }), body);
    assert.equal(res.object.status.phase, 'Running');
    assert.equal(res.object.spec.containers[0].image, 'nginx');
    assert.equal(res.object.metadata.labels, undefined);
    assert.equal(res.object.metadata.generation, 1);
    const patched = await h.storage.patch(h.req('pods', { ns: 'default', name: 'web', sub: 'status' }), 'merge', { status: { podIP: '10.0.0.1' } });
    assert.deepEqual(patched.object.status, { phase: 'Running', podIP: '10.0.0.1' });
  });

  it('scale reads and writes spec.replicas through an autoscaling/v1 Scale', async () => {
    const deploys = (name?: string, sub?: string) => h.req('deployments', { ns: 'default', name, sub });
    await h.storage.create(deploys(), deployment('web', 2));
    const scale = await h.storage.get(deploys('web', 'scale'));
    assert.equal(scale.kind, 'Scale');
    assert.equal(scale.apiVersion, 'autoscaling/v1');
    assert.deepEqual(scale.spec, { replicas: 2 });
    assert.deepEqual(scale.status, { replicas: 0, selector: 'app=web' });
    const res = await h.storage.update(deploys('web', 'scale'), { ...scale, spec: { replicas: 5 } });
    assert.equal(res.object.kind, 'Scale');
    assert.equal(res.object.spec.replicas, 5);
    const d = await h.storage.get(deploys('web'));
    assert.equal(d.spec.replicas, 5);
    assert.equal(d.metadata.generation, 2);
    await h.storage.patch(deploys('web', 'scale'), 'merge', { spec: { replicas: 1 } });
    assert.equal((await h.storage.get(deploys('web'))).spec.replicas, 1);
    await rejects(h.storage.update(deploys('web', 'scale'), { ...scale, spec: { replicas: 3 } }), 409);
    await rejects(h.storage.update(deploys('web', 'scale'), { spec: { replicas: -1 } }), 422);
  });
});

describe('unknown subresources', () => {
  it('answer 404', async () => {
    const h = harness();
    await withNamespace(h);
    await h.storage.create(h.req('configmaps', { ns: 'default' }), { metadata: { name: 'a' } });
    await rejects(h.storage.get(h.req('configmaps', { ns: 'default', name: 'a', sub: 'status' })), 404, 'the server could not find the requested resource');
    await rejects(h.storage.get(h.req('pods', { ns: 'default', name: 'a', sub: 'scale' })), 404);
    h.close();
  });

  it('custom resources refuse strategic merge patch with 415', async () => {
    const h = harness();
    await withNamespace(h);
    h.resources.add({
      group: 'stable.example.com', version: 'v1', kind: 'CronTab', listKind: 'CronTabList', plural: 'crontabs', singular: 'crontab',
      namespaced: true, shortNames: [], categories: [], subresources: {}, verbs: [], custom: true,
    });
    const req = h.req('crontabs', { ns: 'default' });
    await h.storage.create(req, { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'a' }, spec: { x: 1 } });
    await rejects(h.storage.patch({ ...req, name: 'a' }, 'strategic', { spec: { x: 2 } }), 415);
    const merged = await h.storage.patch({ ...req, name: 'a' }, 'merge', { spec: { x: 2 } });
    assert.equal(merged.object.metadata.generation, 2);
    h.close();
  });
});
