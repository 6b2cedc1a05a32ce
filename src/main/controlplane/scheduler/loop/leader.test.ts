// Only the holder of the kube-scheduler Lease schedules.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../../client/test-support';
import { SharedInformerFactory } from '../../client/informer-factory';
import { EventRecorder } from '../../client/event-recorder';
import { silentLogger } from '../../client/logger';
import { Scheduler } from './scheduler';
import { runWithLeaderElection } from './leader';
import { makePod } from '../testing';

let api: TestApi;
before(async () => (api = await startTestApi()));
after(() => api.close());

test('takes the kube-system/kube-scheduler Lease, then schedules and explains', async () => {
  const client = api.client('system:kube-scheduler');
  const informers = new SharedInformerFactory({ client, logger: silentLogger });
  const recorder = new EventRecorder({ client, component: 'default-scheduler', logger: silentLogger });
  const leading = runWithLeaderElection({
    client,
    identity: 'wheelhouse_test',
    logger: silentLogger,
    makeScheduler: (explanations) => new Scheduler({ client, informers, recorder, explanations, logger: silentLogger }),
  });
  try {
    const admin = api.client('system:admin');
    await admin.create({ apiVersion: 'v1', kind: 'Pod', ...makePod('lonely') });
    const deadline = Date.now() + 5000;
    while (!leading.explain('default', 'lonely') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const lease = await admin.get('coordination.k8s.io/v1', 'Lease', 'kube-system', 'kube-scheduler');
    assert.equal(lease.spec.holderIdentity, 'wheelhouse_test');
    assert.equal(leading.explain('default', 'lonely')?.message, 'no nodes available to schedule pods');
  } finally {
    await leading.stop();
    await recorder.flush();
    await informers.shutdown();
  }
});
