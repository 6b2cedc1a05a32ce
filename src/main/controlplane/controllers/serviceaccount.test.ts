import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, startControllers, type Harness } from './batch-test-support';
import { serviceAccountController } from './serviceaccount';

describe('serviceaccount controller', () => {
  let h: Harness;
  before(async () => (h = await startControllers([serviceAccountController])));
  after(() => h.stop());
  const sa = (ns: string) => h.admin.get('v1', 'ServiceAccount', ns, 'default').catch(() => undefined);

  it('gives every namespace a default ServiceAccount, and recreates it', async () => {
    await eventually(h, () => sa('default'), 'default/default');
    await h.admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fresh' } });
    const first = await eventually(h, () => sa('fresh'), 'fresh/default');
    await h.admin.delete('v1', 'ServiceAccount', 'fresh', 'default');
    const again = await eventually(h, async () => { const s = await sa('fresh'); return s && s.metadata.uid !== first.metadata.uid && s; }, 'recreated');
    assert.equal(again.metadata.name, 'default');
    assert.equal(again.secrets, undefined, 'no token Secret since 1.24');
  });
});
