import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerMessage } from '../../../shared/bridge/protocol';
import type { ViewSpec, ViewUpdate } from '../../../shared/bridge/types';
import { Connection } from '../../engine/bridge/router';
import { KubeHttp } from '../cache/kube-http';
import { CacheRegistry } from '../cache/registry';
import { startTestCluster, until, type TestCluster } from '../cache/test-support';
import { ViewService } from './view-service';

const configmaps = { group: '', version: 'v1', plural: 'configmaps' };

describe('views over the built-in cluster', () => {
  let t: TestCluster;
  let caches: CacheRegistry;
  let views: ViewService;
  let nextId = 1;

  before(async () => {
    t = await startTestCluster();
    caches = new CacheRegistry(new KubeHttp(t.source), t.source, { idleMs: 50 });
    views = new ViewService(caches);
  });
  after(async () => {
    caches.dispose();
    await t.stop();
  });

  const ns = async (name: string): Promise<void> => {
    await t.http.request('local', { method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name } } });
  };
  const cm = (namespace: string, name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}) =>
    t.http.request('local', { method: 'POST', path: `/api/v1/namespaces/${namespace}/configmaps`, body: { metadata: { name, labels }, data } });

  const open = (spec: Partial<ViewSpec>) => {
    const events: ViewUpdate[] = [];
    const conn = new Connection((m: ServerMessage) => {
      if (m.kind === 'event') events.push(m.event as ViewUpdate);
    });
    const sink = conn.openStream<ViewUpdate>(nextId++);
    const first = views.subscribe({ clusterId: 'local', resource: configmaps, namespaces: [], window: { offset: 0, limit: 50 }, ...spec }, sink, conn);
    const latest = () => events.at(-1) ?? first;
    return { conn, sink, first, events, latest, update: (s: Parameters<ViewService['update']>[2]) => views.update(conn, sink.id, s) };
  };

  it('sees creates, updates and deletes, batched per frame', async () => {
    await ns('batch');
    const v = open({ namespaces: ['batch'] });
    assert.equal(v.first.loading, true);
    await until('first list', () => !v.latest().loading);
    await Promise.all(Array.from({ length: 40 }, (_, i) => cm('batch', `cm-${i}`, { a: '1' })));
    await until('40 rows', () => v.latest().total === 40);
    assert.ok(v.events.length < 40, `changes are batched (${v.events.length} updates for 40 creates)`);
    assert.deepEqual(v.latest().columns.map((c) => c.name).slice(0, 3), ['Name', 'Data', 'Age']);
    const row = v.latest().rows.find((r) => r.name === 'cm-7')!;
    assert.equal(row.cells[1], 1);
    assert.match(String(row.cells[2]), /^\d{4}-\d\d-\d\dT/, 'Age cells hold the creation time');

    await t.http.request('local', { method: 'PATCH', path: '/api/v1/namespaces/batch/configmaps/cm-7', contentType: 'application/merge-patch+json', body: { data: { b: '2', c: '3' } } });
    await until('update', () => v.latest().rows.find((r) => r.name === 'cm-7')?.cells[1] === 3);
    await t.http.request('local', { method: 'DELETE', path: '/api/v1/namespaces/batch/configmaps/cm-7' });
    await until('delete', () => v.latest().total === 39 && !v.latest().rows.some((r) => r.name === 'cm-7'));
    const count = v.events.length;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(v.events.length, count, 'nothing is sent while nothing changes');
    v.conn.close();
  });

  it('windows, sorts and filters', async () => {
    await ns('shop');
    await ns('blog');
    await Promise.all(Array.from({ length: 30 }, (_, i) => cm('shop', `item-${i}`, Object.fromEntries(Array.from({ length: i % 4 }, (_, k) => [`k${k}`, 'v'])), { tier: i % 2 ? 'odd' : 'even', n: String(i) })));
    await cm('blog', 'post-1', {}, { tier: 'odd' });
    const v = open({ namespaces: ['shop', 'blog'], sort: { column: 'Name', descending: true }, window: { offset: 0, limit: 5 } });
    await until('list', () => !v.latest().loading && v.latest().total >= 31);
    const names = () => v.latest().rows.map((r) => r.name);
    assert.deepEqual(names(), ['post-1', 'item-29', 'item-28', 'item-27', 'item-26'], 'natural order: 29 after 3');
    assert.ok(v.latest().unfiltered >= 31);

    let u = v.update({ window: { offset: 5, limit: 3 } });
    assert.deepEqual(u.rows.map((r) => r.name), ['item-25', 'item-24', 'item-23']);
    u = v.update({ labelSelector: 'tier in (odd),n notin (1,3)', window: { offset: 0, limit: 3 }, sort: { column: 'Name', descending: false } });
    assert.deepEqual(u.rows.map((r) => r.name), ['item-5', 'item-7', 'item-9']);
    u = v.update({ labelSelector: '', text: 'POST' });
    assert.deepEqual(u.rows.map((r) => r.name), ['post-1']);
    u = v.update({ text: '', namespaces: ['shop'], sort: { column: 'Data', descending: true }, window: { offset: 0, limit: 2 } });
    assert.equal(u.total, 30);
    assert.deepEqual(u.rows.map((r) => r.cells[1]), [3, 3]);
    assert.deepEqual(u.rows.map((r) => r.name), ['item-3', 'item-7'], 'ties ordered by name');
    assert.throws(() => v.update({ labelSelector: 'in (' }), /label selector/);
    v.conn.close();
    // a view of one namespace has a cache of its own when no all-namespaces cache is open
    const w = open({ namespaces: ['blog'] });
    await until('blog list', () => !w.latest().loading && w.latest().total === 1);
    w.conn.close();
  });

  it('resumes a dropped watch from its resourceVersion without relisting', async () => {
    await ns('resume');
    const v = open({ namespaces: ['resume'] });
    await until('list', () => !v.latest().loading);
    const lease = caches.acquire(caches.keyFor('local', configmaps, ['resume']));
    assert.equal(lease.cache.listCalls, 1);
    t.source.reconnect('local');
    await cm('resume', 'after-drop');
    await until('row after the drop', () => v.latest().rows.some((r) => r.name === 'after-drop'));
    assert.equal(lease.cache.listCalls, 1, 'no relist');
    assert.ok(lease.cache.watchCalls >= 2, 'the watch was opened again');
    lease.release();
    v.conn.close();
  });

  it('relists after 410 Gone and shows what changed while it was away', async () => {
    await ns('gone');
    await cm('gone', 'stays');
    await cm('gone', 'goes');
    const v = open({ namespaces: ['gone'] });
    await until('list', () => !v.latest().loading && v.latest().total === 2);
    const lease = caches.acquire(caches.keyFor('local', configmaps, ['gone']));
    const release = t.source.hold();
    t.source.reconnect('local');
    await t.http.request('local', { method: 'DELETE', path: '/api/v1/namespaces/gone/configmaps/goes' });
    await cm('gone', 'new');
    for (let i = 0; i < 5; i++) await cm('batch', `filler-${i}`);
    t.cluster.store.compact(t.cluster.store.revision);
    release();
    await until('state after relist', () => v.latest().rows.map((r) => r.name).join() === 'new,stays');
    assert.equal(lease.cache.listCalls, 2, 'one relist');
    lease.release();
    v.conn.close();
  });

  it('says why a view cannot be served', async () => {
    const v = open({ resource: { group: 'example.com', version: 'v1', plural: 'fidgets' } });
    await until('an error', () => v.latest().error);
    assert.equal(v.latest().error!.code, 'NotFound');
    assert.equal(v.latest().loading, true);
    v.conn.close();
  });

  it('shares one cache between views and drops it after the last closes', async () => {
    await until('earlier caches dropped', () => caches.size === 0, 2000);
    const a = open({ namespaces: ['batch'] });
    const b = open({ namespaces: ['batch'], text: 'cm-1' });
    assert.equal(caches.size, 1);
    await until('both loaded', () => !a.latest().loading && !b.latest().loading);
    a.conn.close();
    b.conn.close();
    await until('cache dropped', () => caches.size === 0, 2000);
  });
});
