import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, startControllers, type Harness } from './batch-test-support';
import { disruptionController } from './disruption';

describe('disruption controller', () => {
  let h: Harness;
  before(async () => (h = await startControllers([disruptionController])));
  after(() => h.stop());

  const readyPod = async (name: string, ready: boolean) => {
    const pod = await h.admin.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'db' } }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'db' }] } });
    await h.admin.updateStatus({ ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
  };
  const status = (want: (s: any) => boolean) =>
    eventually(h, async () => {
      const pdb = await h.admin.get('policy/v1', 'PodDisruptionBudget', 'default', 'db');
      return pdb.status && want(pdb.status) && pdb.status;
    }, 'the budget status');

  it('counts healthy pods against minAvailable and says how many may go', async () => {
    await readyPod('db-0', true);
    await readyPod('db-1', true);
    await readyPod('db-2', false);
    await h.admin.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'db', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } } });
    const s = await status((x) => x.expectedPods === 3);
    assert.deepEqual([s.expectedPods, s.currentHealthy, s.desiredHealthy, s.disruptionsAllowed], [3, 2, 1, 1]);
    assert.equal(s.conditions[0].type, 'DisruptionAllowed');
    assert.equal(s.conditions[0].status, 'True');
    await h.admin.delete('v1', 'Pod', 'default', 'db-0');
    // the deleted pod is terminating (no node agent here): no longer healthy
    const after = await status((x) => x.currentHealthy === 1);
    assert.equal(after.disruptionsAllowed, 0);
    assert.equal(after.conditions[0].reason, 'InsufficientPods');
  });
});
