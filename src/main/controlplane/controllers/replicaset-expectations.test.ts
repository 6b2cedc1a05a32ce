// The informer lags behind the ReplicaSet's own writes: expectations keep a second sync from
// creating the same pods again before the informer has seen the first ones.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventRecorder, SharedInformerFactory, WorkQueue, silentLogger, type Obj } from '../client';
import { FakeClock, settle } from '../client/fake-clock';
import { startTestApi, type TestApi } from '../client/test-support';
import { ReplicaSetController } from './replicaset-controller';

let api: TestApi;
before(async () => (api = await startTestApi()));
after(() => api.close());

test('a second sync before the informer sees the new pods creates none', async () => {
  const clock = new FakeClock();
  const client = api.client();
  const informers = new SharedInformerFactory({ client, clock, logger: silentLogger });
  const queue = new WorkQueue({ clock });
  const controller = new ReplicaSetController();
  controller.register({ client, informers, recorder: new EventRecorder({ client, component: 'replicaset-controller', clock, logger: silentLogger }), clock, logger: silentLogger, queue });
  informers.start();
  await informers.waitForCacheSync();

  const admin = api.client('system:admin');
  await admin.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'burst', namespace: 'default' },
    spec: { replicas: 20, selector: { matchLabels: { app: 'burst' } }, template: { metadata: { labels: { app: 'burst' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  });
  await settle();
  // From here on the informer hears nothing: the pods created below stay unseen.
  api.handlers.hold();
  api.handlers.dropWatches();
  await settle();

  await controller.reconcile('default/burst');
  await controller.reconcile('default/burst');
  const pods = (await admin.list('v1', 'Pod', { namespace: 'default', labelSelector: 'app=burst' })).items as Obj[];
  assert.equal(pods.length, 20, 'created once, not twice');
  api.handlers.resume();
  await settle(100);
  queue.shutDown();
  await informers.shutdown();
});
