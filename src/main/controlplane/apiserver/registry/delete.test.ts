import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { harness, pod, withNamespace, type Harness } from './testing';

const rejects = (p: Promise<unknown>, code: number, message?: RegExp) =>
  assert.rejects(p, (err: unknown) => err instanceof StatusError && err.code === code && (message === undefined || message.test(err.message)));

describe('delete', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness();
    await withNamespace(h);
  });
  afterEach(() => h.close());

  const cmReq = (name?: string, query: Record<string, string> = {}) => h.req('configmaps', { ns: 'default', name, query });

  it('removes an object without finalizers and answers with it', async () => {
    await h.storage.create(cmReq(), { metadata: { name: 'a' } });
    const res = await h.storage.delete(cmReq('a'), undefined);
    assert.equal(res.code, 200);
    assert.equal(res.object.metadata.name, 'a');
    await rejects(h.storage.get(cmReq('a')), 404);
    await rejects(h.storage.delete(cmReq('a'), undefined), 404, /configmaps "a" not found/);
  });

  it('keeps objects with finalizers until an update clears the last one', async () => {
    await h.storage.create(cmReq(), { metadata: { name: 'a', finalizers: ['example.com/keep'] } });
    h.clock.advance(10);
    const res = await h.storage.delete(cmReq('a'), undefined);
    assert.equal(res.object.metadata.deletionTimestamp, '2026-01-01T00:00:10Z');
    assert.equal(res.object.metadata.deletionGracePeriodSeconds, 0);
    const again = await h.storage.delete(cmReq('a'), undefined);
    assert.equal(again.object.metadata.resourceVersion, res.object.metadata.resourceVersion, 'a repeated delete writes nothing');
    await h.storage.patch(cmReq('a'), 'merge', { metadata: { finalizers: null } });
    await rejects(h.storage.get(cmReq('a')), 404);
  });

  it('adds the finalizer of the propagation policy', async () => {
    await h.storage.create(cmReq(), { metadata: { name: 'fg' } });
    const fg = await h.storage.delete(cmReq('fg'), { propagationPolicy: 'Foreground' });
    assert.deepEqual(fg.object.metadata.finalizers, ['foregroundDeletion']);
    await h.storage.create(cmReq(), { metadata: { name: 'or' } });
    const or = await h.storage.delete(cmReq('or', { propagationPolicy: 'Orphan' }), undefined);
    assert.deepEqual(or.object.metadata.finalizers, ['orphan']);
    await rejects(h.storage.delete(cmReq('or', { propagationPolicy: 'Sometimes' }), undefined), 400);
  });

  it('checks uid and resourceVersion preconditions', async () => {
    const a = (await h.storage.create(cmReq(), { metadata: { name: 'a' } })).object;
    await rejects(h.storage.delete(cmReq('a'), { preconditions: { uid: 'other' } }), 409, /^Operation cannot be fulfilled on ConfigMap "a": the UID in the precondition \(other\) does not match the UID in record \(uid-\d+\)\. The object might have been deleted and then recreated$/);
    await rejects(h.storage.delete(cmReq('a'), { preconditions: { resourceVersion: '1' } }), 409, /the ResourceVersion in the precondition \(1\) does not match/);
    await h.storage.delete(cmReq('a'), { preconditions: { uid: a.metadata.uid, resourceVersion: a.metadata.resourceVersion } });
  });

  it('dryRun deletes nothing', async () => {
    await h.storage.create(cmReq(), { metadata: { name: 'a' } });
    await h.storage.delete(cmReq('a', { dryRun: 'All' }), undefined);
    assert.ok(await h.storage.get(cmReq('a')));
  });

  it('deletes unbound pods at once and gives bound pods their grace period', async () => {
    const pods = (name?: string, query: Record<string, string> = {}) => h.req('pods', { ns: 'default', name, query });
    await h.storage.create(pods(), pod('pending'));
    await h.storage.delete(pods('pending'), undefined);
    await rejects(h.storage.get(pods('pending')), 404);

    await h.storage.create(pods(), pod('running', { spec: { nodeName: 'n1', terminationGracePeriodSeconds: 20 } }));
    const res = await h.storage.delete(pods('running'), undefined);
    assert.equal(res.object.metadata.deletionGracePeriodSeconds, 20);
    assert.equal(res.object.metadata.deletionTimestamp, '2026-01-01T00:00:20Z');
    assert.ok(await h.storage.get(pods('running')));
    await h.storage.delete(pods('running'), { gracePeriodSeconds: 0 });
    await rejects(h.storage.get(pods('running')), 404);
  });

  it('empty namespaces go at once; others stay Terminating', async () => {
    await withNamespace(h, 'empty');
    await h.storage.delete(h.req('namespaces', { name: 'empty' }), undefined);
    await rejects(h.storage.get(h.req('namespaces', { name: 'empty' })), 404);

    await withNamespace(h, 'busy');
    await h.storage.create(h.req('configmaps', { ns: 'busy' }), { metadata: { name: 'x' } });
    const res = await h.storage.delete(h.req('namespaces', { name: 'busy' }), undefined);
    assert.equal(res.object.status.phase, 'Terminating');
    assert.deepEqual(res.object.spec.finalizers, ['kubernetes']);
    assert.ok(res.object.metadata.deletionTimestamp);
    const again = await h.storage.delete(h.req('namespaces', { name: 'busy' }), undefined);
    assert.equal(again.object.metadata.resourceVersion, res.object.metadata.resourceVersion);
    await h.storage.delete(h.req('configmaps', { ns: 'busy', name: 'x' }), undefined);
    await h.storage.delete(h.req('namespaces', { name: 'busy' }), undefined);
    await rejects(h.storage.get(h.req('namespaces', { name: 'busy' })), 404);
  });

  it('deletecollection deletes what the selectors match', async () => {
    for (const [name, app] of [['a', 'web'], ['b', 'web'], ['c', 'db']]) await h.storage.create(cmReq(), { metadata: { name, labels: { app } } });
    const res = await h.storage.deleteCollection(h.req('configmaps', { ns: 'default', query: { labelSelector: 'app=web' } }), undefined);
    assert.equal(res.kind, 'ConfigMapList');
    assert.deepEqual(res.items.map((i: any) => i.metadata.name), ['a', 'b']);
    const left = await h.storage.list(h.req('configmaps', { ns: 'default' }));
    assert.deepEqual(left.items.map((i: any) => i.metadata.name), ['c']);
  });
});
