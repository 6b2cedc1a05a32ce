import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { eventually, startControllers, type Harness } from './batch-test-support';
import { namespaceController } from './namespace';

describe('namespace controller', () => {
  let h: Harness;
  before(async () => (h = await startControllers([namespaceController])));
  after(() => h.stop());

  const getNs = (name: string) => h.admin.get('v1', 'Namespace', undefined, name).catch(() => undefined);

  it('deletes the content of a Terminating namespace, then the namespace', async () => {
    await h.admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed' } });
    await h.admin.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'doomed' } });
    await h.admin.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'doomed' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    await h.admin.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'doomed', finalizers: ['example.com/hold'] } });
    await h.admin.delete('v1', 'Namespace', undefined, 'doomed');
    const ns = await eventually(h, async () => {
      const n = await getNs('doomed');
      return (n?.status?.conditions ?? []).some((c: Obj) => c.type === 'NamespaceFinalizersRemaining' && c.status === 'True') && n;
    }, 'finalizers-remaining condition');
    assert.equal(ns.status.phase, 'Terminating');
    const remaining = ns.status.conditions.find((c: Obj) => c.type === 'NamespaceContentRemaining');
    assert.equal(remaining.message, 'Some resources are remaining: configmaps. has 1 resource instances');
    const fin = ns.status.conditions.find((c: Obj) => c.type === 'NamespaceFinalizersRemaining');
    assert.equal(fin.message, 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances');
    assert.equal((await h.admin.list('v1', 'Pod', { namespace: 'doomed' })).items.length, 0);
    const held = await h.admin.get('v1', 'ConfigMap', 'doomed', 'held');
    await h.admin.patch('v1', 'ConfigMap', 'doomed', 'held', 'merge', { metadata: { finalizers: null, resourceVersion: held.metadata.resourceVersion } });
    await h.clock.advance(2500);
    await eventually(h, async () => !(await getNs('doomed')), 'namespace gone');
  });
});
