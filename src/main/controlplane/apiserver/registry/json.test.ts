import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { harness, pod, RecordingSink, withNamespace } from './testing';
import { jsonOf, listJSON, watchEventJSON } from './json';

describe('shared JSON encoding', () => {
  it('lists and watch events encode to exactly what JSON.stringify gives, resourceVersion included', async () => {
    const h = harness();
    await withNamespace(h);
    const sink = new RecordingSink();
    const done = h.storage.watch(h.req('pods', { ns: 'default', query: { resourceVersion: String(h.store.revision) } }), sink);
    await h.storage.create(h.req('pods', { ns: 'default' }), pod('a', { metadata: { labels: { x: '{"metadata":{' } } }));
    await h.storage.create(h.req('configmaps', { ns: 'default' }), { metadata: { name: 'empty-meta' } });
    await h.store.create('/registry/configmaps/default/odd', JSON.stringify({ data: { metadata: {} }, metadata: { name: 'odd' } }));
    await h.storage.patch(h.req('pods', { ns: 'default', name: 'a' }), 'merge', { spec: { nodeName: 'n' } });
    for (const plural of ['pods', 'configmaps']) {
      const list = await h.storage.list(h.req(plural, { ns: 'default' }));
      assert.deepEqual(JSON.parse(listJSON(list)), JSON.parse(JSON.stringify(list)));
      for (const item of list.items) assert.deepEqual(JSON.parse(jsonOf(item)), item);
      assert.ok(list.items.every((i: any) => JSON.parse(jsonOf(i)).metadata.resourceVersion === i.metadata.resourceVersion));
    }
    await sink.waitFor(2);
    sink.end();
    await done;
    for (const e of sink.events) assert.deepEqual(JSON.parse(watchEventJSON(e)), e);
    h.close();
  });
});
