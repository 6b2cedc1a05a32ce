import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Informer } from './informer';
import { silentLogger } from './logger';
import { startTestApi, type TestApi } from './test-support';

let api: TestApi;
before(async () => (api = await startTestApi({ bookmarkIntervalMs: 10 })));
after(() => api.close());

const waitFor = async (check: () => boolean, ms = 2_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

test('bookmarks move a filtered informer forward, so a later resume needs no relist', async () => {
  const client = api.client();
  const informer = new Informer({ client, apiVersion: 'v1', kind: 'Pod', fieldSelector: 'spec.nodeName=n1', logger: silentLogger });
  const seen: string[] = [];
  informer.addEventHandler({ onAdd: (o) => seen.push(o.metadata.name), onDelete: (o) => seen.push(`-${o.metadata.name}`) });
  informer.start();
  await informer.waitForSync();
  const startRv = Number(informer.lastSyncResourceVersion());
  let last = '';
  for (let i = 0; i < 3; i++) {
    const p = await client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `other-${i}`, namespace: 'default' }, spec: { nodeName: 'n2', containers: [{ name: 'c', image: 'nginx' }] } });
    last = p.metadata.resourceVersion;
  }
  await waitFor(() => Number(informer.lastSyncResourceVersion()) >= Number(last));
  assert.ok(Number(informer.lastSyncResourceVersion()) > startRv);
  assert.deepEqual(seen, [], 'nothing on n1 happened');
  // Compact up to the bookmark: a resume from the bookmark still works; one from the list's rv would be a 410.
  let lists = 0;
  const list = api.handlers.list;
  api.handlers.list = (r) => (lists++, list(r));
  api.store.compact(Number(last));
  api.handlers.dropWatches();
  await client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'mine', namespace: 'default' }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] } });
  await waitFor(() => seen.length > 0);
  assert.deepEqual(seen, ['mine']);
  assert.equal(lists, 0, 'resumed from the bookmark without listing again');
  api.handlers.list = list;
  await informer.stop();
});
