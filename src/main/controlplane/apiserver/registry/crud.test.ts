import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { harness, pod, withNamespace, type Harness } from './testing';

const rejects = async (p: Promise<unknown>, code: number, message?: string | RegExp) => {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof StatusError, `not a StatusError: ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (typeof message === 'string') assert.equal(err.message, message);
    else if (message) assert.match(err.message, message);
    return true;
  });
};

describe('create / get / update', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness();
    await withNamespace(h);
  });
  afterEach(() => h.close());

  it('creates with server metadata and reads it back with resourceVersion = modRevision', async () => {
    const res = await h.storage.create(h.req('pods', { ns: 'default' }), pod('web'));
    assert.equal(res.code, 201);
    const meta = res.object.metadata;
    assert.equal(meta.namespace, 'default');
    assert.equal(meta.uid, 'uid-2');
    assert.equal(meta.creationTimestamp, '2026-01-01T00:00:00Z');
    assert.equal(meta.generation, 1);
    assert.equal(meta.resourceVersion, String(h.store.revision));
    const got = await h.storage.get(h.req('pods', { ns: 'default', name: 'web' }));
    assert.deepEqual(got, res.object);
    assert.equal(JSON.parse(h.store.get('/registry/pods/default/web')!.value).metadata.resourceVersion, undefined);
    got.metadata.labels = { edited: 'yes' }; // a get returns the caller's own copy
  });

  it('answers 404 and 409 in upstream wording', async () => {
    await rejects(h.storage.get(h.req('pods', { ns: 'default', name: 'x' })), 404, 'pods "x" not found');
    await rejects(h.storage.get(h.req('deployments', { ns: 'default', name: 'x' })), 404, 'deployments.apps "x" not found');
    await h.storage.create(h.req('pods', { ns: 'default' }), pod('web'));
    await rejects(h.storage.create(h.req('pods', { ns: 'default' }), pod('web')), 409, 'pods "web" already exists');
  });

  it('generates names from generateName with upstream alphabet', async () => {
    const body = pod('');
    delete body.metadata.name;
    body.metadata.generateName = 'web-';
    const a = await h.storage.create(h.req('pods', { ns: 'default' }), body);
    const b = await h.storage.create(h.req('pods', { ns: 'default' }), body);
    assert.match(a.object.metadata.name, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.notEqual(a.object.metadata.name, b.object.metadata.name);
  });

  it('retries generateName on a clash', async () => {
    let n = 0;
    const seq = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5];
    const g = harness({ random: () => seq[n++ % seq.length] });
    await withNamespace(g);
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cm-' } };
    const a = await g.storage.create(g.req('configmaps', { ns: 'default' }), body);
    n = 0;
    const b = await g.storage.create(g.req('configmaps', { ns: 'default' }), body);
    assert.equal(a.object.metadata.name, 'cm-bbbbb');
    assert.notEqual(b.object.metadata.name, 'cm-bbbbb');
    g.close();
  });

  it('requires a name', async () => {
    await rejects(h.storage.create(h.req('configmaps', { ns: 'default' }), { metadata: {} }), 422, 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  it('checks the namespace: exists, matches the URL, is not terminating', async () => {
    await rejects(h.storage.create(h.req('pods', { ns: 'nope' }), pod('a')), 404, 'namespaces "nope" not found');
    await rejects(
      h.storage.create(h.req('pods', { ns: 'default' }), { ...pod('a'), metadata: { name: 'a', namespace: 'other' } }),
      400,
      'the namespace of the provided object does not match the namespace sent on the request',
    );
    await withNamespace(h, 'doomed');
    await h.storage.create(h.req('configmaps', { ns: 'doomed' }), { metadata: { name: 'keep' } });
    await h.storage.delete(h.req('namespaces', { name: 'doomed' }), undefined);
    await rejects(h.storage.create(h.req('pods', { ns: 'doomed' }), pod('a')), 403, 'unable to create new content in namespace doomed because it is being terminated');
  });

  it('checks kind and apiVersion against the URL', async () => {
    await rejects(h.storage.create(h.req('pods', { ns: 'default' }), { ...pod('a'), kind: 'Service' }), 400, /kind/);
    await rejects(h.storage.create(h.req('pods', { ns: 'default' }), { ...pod('a'), apiVersion: 'apps/v1' }), 400, /API version/);
  });

  it('dryRun=All validates and answers but stores nothing', async () => {
    const before = h.store.revision;
    const res = await h.storage.create(h.req('pods', { ns: 'default', query: { dryRun: 'All' } }), pod('ghost'));
    assert.equal(res.code, 201);
    assert.equal(res.object.metadata.name, 'ghost');
    assert.equal(h.store.revision, before);
    await rejects(h.storage.get(h.req('pods', { ns: 'default', name: 'ghost' })), 404);
  });

  it('updates with optimistic concurrency and counts spec generations', async () => {
    const created = (await h.storage.create(h.req('pods', { ns: 'default' }), pod('web'))).object;
    const body = structuredClone(created);
    body.spec.containers[0].image = 'nginx:2';
    const updated = await h.storage.update(h.req('pods', { ns: 'default', name: 'web' }), body);
    assert.equal(updated.code, 200);
    assert.equal(updated.object.metadata.generation, 2);
    assert.ok(Number(updated.object.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
    await rejects(
      h.storage.update(h.req('pods', { ns: 'default', name: 'web' }), body),
      409,
      'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    const labelsOnly = structuredClone(updated.object);
    delete labelsOnly.metadata.resourceVersion; // unconditional
    labelsOnly.metadata.labels = { a: 'b' };
    const third = await h.storage.update(h.req('pods', { ns: 'default', name: 'web' }), labelsOnly);
    assert.equal(third.object.metadata.generation, 2);
    assert.deepEqual(third.object.metadata.labels, { a: 'b' });
  });

  it('keeps status on main-resource updates and a no-op update writes nothing', async () => {
    const created = (await h.storage.create(h.req('pods', { ns: 'default' }), pod('web', { status: { phase: 'Pending' } }))).object;
    const body = structuredClone(created);
    body.status = { phase: 'Running' };
    const res = await h.storage.update(h.req('pods', { ns: 'default', name: 'web' }), body);
    assert.equal(res.object.status.phase, 'Pending');
    assert.equal(res.object.metadata.resourceVersion, created.metadata.resourceVersion);
  });

  it('update of a missing object is 404 and the URL name wins over nothing', async () => {
    await rejects(h.storage.update(h.req('pods', { ns: 'default', name: 'none' }), pod('none')), 404, 'pods "none" not found');
    await h.storage.create(h.req('pods', { ns: 'default' }), pod('web'));
    await rejects(h.storage.update(h.req('pods', { ns: 'default', name: 'web' }), pod('other')), 400, /does not match the name on the URL/);
  });

  it('cluster-scoped objects drop metadata.namespace', async () => {
    const res = await h.storage.create(h.req('nodes'), { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', namespace: 'x' } });
    assert.equal(res.object.metadata.namespace, undefined);
    assert.ok(h.store.get('/registry/nodes/n1'));
  });

  it('10,000 sequential creates stay fast', async () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) await h.storage.create(h.req('configmaps', { ns: 'default' }), { metadata: { name: `cm-${i}` }, data: { i: String(i) } });
    const perCreate = (performance.now() - started) / 10_000;
    assert.ok(perCreate < 2, `${perCreate.toFixed(3)} ms per create`);
  });
});
