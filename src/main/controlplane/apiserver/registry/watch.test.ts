import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { harness, RecordingSink, withNamespace, type Harness } from './testing';

const summary = (sink: RecordingSink) => sink.events.map((e) => `${e.type} ${e.object.metadata?.name ?? e.object.message ?? ''}`.trim());

describe('watch', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness({ bookmarkIntervalMs: 30 });
    await withNamespace(h);
  });
  afterEach(() => h.close());

  const cm = (name: string, labels: Record<string, string> = {}) => ({ metadata: { name, labels } });
  const cmReq = (query: Record<string, string> = {}, ns: string | undefined = 'default') => h.req('configmaps', { ns, query });

  it('replays from a resourceVersion in order, then streams live events', async () => {
    const a = (await h.storage.create(cmReq(), cm('a'))).object;
    await h.storage.create(cmReq(), cm('b'));
    await h.storage.delete(h.req('configmaps', { ns: 'default', name: 'b' }), undefined);
    const sink = new RecordingSink();
    const done = h.storage.watch(cmReq({ resourceVersion: a.metadata.resourceVersion }), sink);
    await sink.waitFor(2);
    await h.storage.create(cmReq(), cm('c'));
    await sink.waitFor(3);
    sink.end();
    await done;
    assert.deepEqual(summary(sink), ['ADDED b', 'DELETED b', 'ADDED c']);
    const revs = sink.events.map((e) => Number(e.object.metadata.resourceVersion));
    assert.deepEqual([...revs].sort((x, y) => x - y), revs);
  });

  it('sends ADDED for existing objects when resourceVersion is unset or 0', async () => {
    await h.storage.create(cmReq(), cm('a'));
    const sink = new RecordingSink();
    const done = h.storage.watch(cmReq({ resourceVersion: '0' }), sink);
    await sink.waitFor(1);
    await h.storage.patch(h.req('configmaps', { ns: 'default', name: 'a' }), 'merge', { data: { x: '1' } });
    await sink.waitFor(2);
    sink.end();
    await done;
    assert.deepEqual(summary(sink), ['ADDED a', 'MODIFIED a']);
  });

  it('shares one decoded object between watchers', async () => {
    const sinks = Array.from({ length: 100 }, () => new RecordingSink());
    const done = sinks.map((s) => h.storage.watch(cmReq({ resourceVersion: String(h.store.revision) }), s));
    await h.storage.create(cmReq(), cm('a'));
    await Promise.all(sinks.map((s) => s.waitFor(1)));
    const first = sinks[0].events[0].object;
    assert.ok(sinks.every((s) => s.events[0].object === first));
    sinks.forEach((s) => s.end());
    await Promise.all(done);
  });

  it('turns objects leaving or entering the selector into DELETED and ADDED', async () => {
    await h.storage.create(cmReq(), cm('a', { app: 'web' }));
    const sink = new RecordingSink();
    const done = h.storage.watch(cmReq({ labelSelector: 'app=web' }), sink);
    await sink.waitFor(1);
    const target = h.req('configmaps', { ns: 'default', name: 'a' });
    await h.storage.patch(target, 'merge', { metadata: { labels: { app: 'db' } } });
    await h.storage.patch(target, 'merge', { data: { ignored: 'yes' } });
    await h.storage.patch(target, 'merge', { metadata: { labels: { app: 'web' } } });
    await h.storage.patch(target, 'merge', { data: { seen: 'yes' } });
    await sink.waitFor(4);
    sink.end();
    await done;
    assert.deepEqual(summary(sink), ['ADDED a', 'DELETED a', 'ADDED a', 'MODIFIED a']);
  });

  it('filters by namespace on all-namespace caches', async () => {
    await withNamespace(h, 'other');
    const sink = new RecordingSink();
    const done = h.storage.watch(cmReq({ resourceVersion: String(h.store.revision) }, 'other'), sink);
    await h.storage.create(cmReq(), cm('in-default'));
    await h.storage.create(h.req('configmaps', { ns: 'other' }), cm('in-other'));
    await sink.waitFor(1);
    sink.end();
    await done;
    assert.deepEqual(summary(sink), ['ADDED in-other']);
  });

  it('sends 410 Expired as an ERROR event for a compacted resourceVersion', async () => {
    const a = (await h.storage.create(cmReq(), cm('a'))).object;
    await h.storage.create(cmReq(), cm('b'));
    h.store.compact(h.store.revision);
    const sink = new RecordingSink();
    await h.storage.watch(cmReq({ resourceVersion: String(Number(a.metadata.resourceVersion) - 1) }), sink);
    assert.equal(sink.events.length, 1);
    const status = sink.events[0];
    assert.equal(status.type, 'ERROR');
    assert.equal(status.object.code, 410);
    assert.equal(status.object.reason, 'Expired');
    assert.match(status.object.message, /^too old resource version: \d+ \(\d+\)$/);
  });

  it('serves versions older than the ring from the store', async () => {
    const g = harness({ watchCacheCapacity: 3 });
    await withNamespace(g);
    const start = g.store.revision;
    await g.storage.list(g.req('configmaps', { ns: 'default' })); // the cache starts here
    for (let i = 0; i < 10; i++) await g.storage.create(g.req('configmaps', { ns: 'default' }), cm(`c${i}`));
    const sink = new RecordingSink();
    const done = g.storage.watch(g.req('configmaps', { ns: 'default', query: { resourceVersion: String(start) } }), sink);
    await sink.waitFor(10);
    sink.end();
    await done;
    assert.deepEqual(summary(sink), Array.from({ length: 10 }, (_, i) => `ADDED c${i}`));
    g.close();
  });

  it('sends bookmarks and the initial-events-end bookmark', async () => {
    await h.storage.create(cmReq(), cm('a'));
    const sink = new RecordingSink();
    const done = h.storage.watch(cmReq({ sendInitialEvents: 'true', resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: 'true' }), sink);
    await sink.waitFor(3);
    sink.end();
    await done;
    assert.deepEqual(sink.events[0].type, 'ADDED');
    assert.deepEqual(sink.events[1].object, {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(h.store.revision), annotations: { 'k8s.io/initial-events-end': 'true' } },
    });
    assert.equal(sink.events[2].type, 'BOOKMARK');
    assert.deepEqual(Object.keys(sink.events[2].object.metadata), ['resourceVersion']);
  });

  it('validates streaming-list options as upstream', async () => {
    await assert.rejects(h.storage.watch(cmReq({ sendInitialEvents: 'true' }), new RecordingSink()), (err: any) => err.code === 422 && /allowWatchBookmarks/.test(err.message));
  });

  it('ends after timeoutSeconds', async () => {
    const sink = new RecordingSink();
    const started = Date.now();
    await h.storage.watch(cmReq({ timeoutSeconds: '1', resourceVersion: String(h.store.revision) }), sink);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 3000, `${elapsed} ms`);
  });

  it('ends open watches when the storage closes', async () => {
    const g = harness();
    const sink = new RecordingSink();
    const done = g.storage.watch(g.req('configmaps', { query: { resourceVersion: String(g.store.revision) } }), sink);
    g.close();
    await done;
  });
});
