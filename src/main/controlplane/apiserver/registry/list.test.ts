import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { CONTINUE_TOO_OLD } from './paging';
import { harness, pod, withNamespace, type Harness } from './testing';

const names = (list: Record<string, any>) => list.items.map((i: any) => i.metadata.name);

const rejects = (p: Promise<unknown>, code: number, message?: string) =>
  assert.rejects(p, (err: unknown) => err instanceof StatusError && err.code === code && (message === undefined || err.message === message));

describe('list', () => {
  let h: Harness;
  before(async () => {
    h = harness();
    await withNamespace(h, 'a');
    await withNamespace(h, 'b');
    const mk = (ns: string, name: string, labels: Record<string, string>, spec: Record<string, any> = {}, status?: Record<string, any>) =>
      h.storage.create(h.req('pods', { ns }), pod(name, { metadata: { labels }, spec, status }));
    await mk('a', 'p1', { app: 'web', tier: 'front' }, { nodeName: 'n1' }, { phase: 'Running' });
    await mk('a', 'p2', { app: 'web' }, {}, { phase: 'Pending' });
    await mk('a', 'p3', { app: 'db' }, { nodeName: 'n1' });
    await mk('b', 'p4', { app: 'web', tier: 'back' });
  });
  after(() => h.close());

  it('returns a List object for one namespace or all of them', async () => {
    const list = await h.storage.list(h.req('pods', { ns: 'a' }));
    assert.equal(list.kind, 'PodList');
    assert.equal(list.apiVersion, 'v1');
    assert.equal(list.metadata.resourceVersion, String(h.store.revision));
    assert.deepEqual(names(list), ['p1', 'p2', 'p3']);
    assert.deepEqual(names(await h.storage.list(h.req('pods'))), ['p1', 'p2', 'p3', 'p4']);
  });

  it('filters by label selectors of every operator', async () => {
    const sel = async (labelSelector: string) => names(await h.storage.list(h.req('pods', { query: { labelSelector } })));
    assert.deepEqual(await sel('app=web'), ['p1', 'p2', 'p4']);
    assert.deepEqual(await sel('app==web,tier'), ['p1', 'p4']);
    assert.deepEqual(await sel('app!=web'), ['p3']);
    assert.deepEqual(await sel('tier in (front, back)'), ['p1', 'p4']);
    assert.deepEqual(await sel('tier notin (front)'), ['p2', 'p3', 'p4']);
    assert.deepEqual(await sel('!tier'), ['p2', 'p3']);
  });

  it('rejects bad label selectors with 400', async () => {
    await rejects(h.storage.list(h.req('pods', { query: { labelSelector: 'app web' } })), 400, "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt");
    await rejects(h.storage.list(h.req('pods', { query: { labelSelector: 'app in web' } })), 400);
    await rejects(h.storage.list(h.req('pods', { query: { labelSelector: '-bad=x' } })), 400);
  });

  it('filters by field selectors and refuses unsupported fields', async () => {
    const sel = async (fieldSelector: string, plural = 'pods') => names(await h.storage.list(h.req(plural, { query: { fieldSelector } })));
    assert.deepEqual(await sel('spec.nodeName=n1'), ['p1', 'p3']);
    assert.deepEqual(await sel('spec.nodeName='), ['p2', 'p4']);
    assert.deepEqual(await sel('status.phase!=Running,metadata.namespace=a'), ['p2', 'p3']);
    assert.deepEqual(await sel('metadata.name=a', 'namespaces'), ['a']);
    await rejects(h.storage.list(h.req('pods', { query: { fieldSelector: 'spec.foo=x' } })), 400, 'field label not supported: spec.foo');
    await rejects(h.storage.list(h.req('configmaps', { query: { fieldSelector: 'spec.nodeName=x' } })), 400, 'field label not supported: spec.nodeName');
  });

  it('pages with limit/continue and counts the remaining items', async () => {
    const first = await h.storage.list(h.req('pods', { query: { limit: '3' } }));
    assert.deepEqual(names(first), ['p1', 'p2', 'p3']);
    assert.equal(first.metadata.remainingItemCount, 1);
    assert.ok(first.metadata.continue);
    await h.storage.create(h.req('pods', { ns: 'b' }), pod('p5'));
    const second = await h.storage.list(h.req('pods', { query: { limit: '3', continue: first.metadata.continue } }));
    assert.deepEqual(names(second), ['p4'], 'later pages read the first page snapshot');
    assert.equal(second.metadata.resourceVersion, first.metadata.resourceVersion);
    assert.equal(second.metadata.continue, undefined);
    await h.storage.delete(h.req('pods', { ns: 'b', name: 'p5' }), undefined);
  });

  it('pages through selectors without counting', async () => {
    const first = await h.storage.list(h.req('pods', { query: { limit: '1', labelSelector: 'app=web' } }));
    assert.deepEqual(names(first), ['p1']);
    assert.equal(first.metadata.remainingItemCount, undefined);
    const second = await h.storage.list(h.req('pods', { query: { limit: '5', labelSelector: 'app=web', continue: first.metadata.continue } }));
    assert.deepEqual(names(second), ['p2', 'p4']);
  });

  it('answers 410 for a continue token and an Exact version that were compacted', async () => {
    const first = await h.storage.list(h.req('pods', { query: { limit: '1' } }));
    const rv = first.metadata.resourceVersion;
    const cm = await h.storage.create(h.req('configmaps', { ns: 'a' }), { metadata: { name: 'bump' } });
    await h.storage.delete(h.req('configmaps', { ns: 'a', name: 'bump' }), undefined);
    const exact = await h.storage.list(h.req('pods', { query: { resourceVersion: rv, resourceVersionMatch: 'Exact' } }));
    assert.equal(exact.metadata.resourceVersion, rv);
    h.store.compact(h.store.revision);
    assert.ok(cm);
    await rejects(h.storage.list(h.req('pods', { query: { limit: '1', continue: first.metadata.continue } })), 410, CONTINUE_TOO_OLD);
    await rejects(h.storage.list(h.req('pods', { query: { resourceVersion: rv, resourceVersionMatch: 'Exact' } })), 410);
    await rejects(h.storage.list(h.req('pods', { query: { continue: 'garbage!' } })), 400);
  });
});

describe('list performance', () => {
  it('lists 50,000 pods quickly from the cache', async () => {
    const h = harness();
    await withNamespace(h);
    for (let i = 0; i < 50_000; i++) {
      await h.store.create(`/registry/pods/default/p-${String(i).padStart(5, '0')}`, JSON.stringify(pod(`p-${i}`, { metadata: { namespace: 'default', labels: { app: 'x' } } })));
    }
    await h.storage.list(h.req('pods', { ns: 'default', query: { limit: '1' } })); // warms the watch cache
    const started = performance.now();
    const list = await h.storage.list(h.req('pods'));
    const json = JSON.stringify(list);
    const ms = performance.now() - started;
    assert.equal(list.items.length, 50_000);
    assert.ok(json.length > 1_000_000);
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
    console.log(`# 50,000 pods listed and encoded in ${ms.toFixed(0)} ms`);
    h.close();
  });
});
