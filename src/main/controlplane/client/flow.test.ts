// The whole loop the README draws: informer → indexer → handlers → queue → workers → API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitKey } from '../../../shared/k8s/objects';
import { StatusError } from '../../../shared/k8s/status';
import { FakeClock, settle } from './fake-clock';
import { SharedInformerFactory } from './informer-factory';
import { silentLogger } from './logger';
import { runWorkers } from './run-workers';
import { startTestApi, type TestApi } from './test-support';
import { WorkQueue } from './work-queue';

let api: TestApi;
before(async () => (api = await startTestApi()));
after(() => api.close());

test('a level-based controller converges through failures, with retries kept in runWorkers', async () => {
  const clock = new FakeClock();
  const client = api.client();
  const factory = new SharedInformerFactory({ client, clock, logger: silentLogger });
  const configMaps = factory.informerFor('v1', 'ConfigMap');
  const queue = new WorkQueue({ clock });
  configMaps.addEventHandler({
    onAdd: (o) => o.metadata.labels?.mirror && queue.add(`${o.metadata.namespace}/${o.metadata.name}`),
    onUpdate: (_old, o) => o.metadata.labels?.mirror && queue.add(`${o.metadata.namespace}/${o.metadata.name}`),
  });
  let failures = 1;
  const reconcile = async (key: string): Promise<void> => {
    const { namespace, name } = splitKey(key);
    const source = configMaps.lister.namespace(namespace!).get(name);
    if (!source) return;
    if (failures-- > 0) throw new Error('transient');
    const copy = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-copy`, namespace }, data: source.data };
    try {
      await client.create(copy);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 409)) throw err;
      await client.apply(copy, { fieldManager: 'mirror', force: true });
    }
  };
  factory.start();
  await factory.waitForCacheSync();
  const workers = runWorkers(queue, 2, reconcile, { logger: silentLogger, name: 'mirror' });

  await client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'src', namespace: 'default', labels: { mirror: 'yes' } }, data: { a: '1' } });
  await settle();
  await assert.rejects(client.get('v1', 'ConfigMap', 'default', 'src-copy'), 'the first try failed');
  await clock.advance(5);
  assert.deepEqual((await client.get('v1', 'ConfigMap', 'default', 'src-copy')).data, { a: '1' }, 'retried after 5 ms');

  await client.patch('v1', 'ConfigMap', 'default', 'src', 'merge', { data: { a: '2' } });
  await settle(40);
  assert.deepEqual((await client.get('v1', 'ConfigMap', 'default', 'src-copy')).data, { a: '2' });

  queue.shutDown();
  await workers;
  await factory.shutdown();
});
