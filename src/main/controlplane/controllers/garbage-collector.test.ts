import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { eventually, startControllers, type Harness } from './batch-test-support';
import { garbageCollector } from './garbage-collector';

const cm = (name: string, owners: Obj[] = [], extra: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ownerReferences: owners.length ? owners : undefined, ...extra },
});
const ref = (o: Obj, block = false): Obj => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, ...(block ? { blockOwnerDeletion: true } : {}) });

describe('garbage collector', () => {
  let h: Harness;
  const get = (name: string, apiVersion = 'v1', kind = 'ConfigMap') => h.admin.get(apiVersion, kind, 'default', name).catch(() => undefined);
  const gone = (name: string, apiVersion?: string, kind?: string) => eventually(h, async () => !(await get(name, apiVersion, kind)), `${name} gone`);
  before(async () => (h = await startControllers([garbageCollector])));
  after(() => h.stop());

  it('background deletion removes dependents after the owner, down the chain', async () => {
    const owner = await h.admin.create(cm('bg-owner'));
    const child = await h.admin.create(cm('bg-child', [ref(owner)]));
    await h.admin.create(cm('bg-grandchild', [ref(child)]));
    await h.admin.delete('v1', 'ConfigMap', 'default', 'bg-owner');
    await gone('bg-child');
    await gone('bg-grandchild');
  });

  it('orphan deletion keeps dependents and drops their owner references', async () => {
    const owner = await h.admin.create(cm('or-owner'));
    await h.admin.create(cm('or-child', [ref(owner)]));
    await h.admin.delete('v1', 'ConfigMap', 'default', 'or-owner', { propagationPolicy: 'Orphan' });
    await gone('or-owner');
    const child = await get('or-child');
    assert.ok(child, 'dependent kept');
    assert.equal(child.metadata.ownerReferences, undefined);
  });

  it('foreground deletion deletes blocking dependents before the owner', async () => {
    const owner = await h.admin.create(cm('fg-owner'));
    await h.admin.create(cm('fg-child', [ref(owner, true)], { finalizers: ['example.com/hold'] }));
    await h.admin.delete('v1', 'ConfigMap', 'default', 'fg-owner', { propagationPolicy: 'Foreground' });
    const child = await eventually(h, async () => { const c = await get('fg-child'); return c?.metadata.deletionTimestamp && c; }, 'child deleting');
    const waiting = await get('fg-owner');
    assert.deepEqual(waiting?.metadata.finalizers, ['foregroundDeletion'], 'owner waits for its dependent');
    await h.admin.patch('v1', 'ConfigMap', 'default', 'fg-child', 'merge', { metadata: { finalizers: null, resourceVersion: child.metadata.resourceVersion } });
    await gone('fg-child');
    await gone('fg-owner');
  });

  it('a dependent whose owner never existed is deleted', async () => {
    await h.admin.create(cm('dangling', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'nobody', uid: 'aaaaaaaa-0000-4000-8000-000000000000' }]));
    await gone('dangling');
  });

  it('follows custom resources that appear later', async () => {
    h.api.resources.add({ group: 'example.com', version: 'v1', kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget', namespaced: true, shortNames: [], categories: [], subresources: {}, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], custom: true });
    const owner = await h.admin.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' } });
    await h.admin.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w-child', namespace: 'default', ownerReferences: [ref(owner)] } });
    await h.admin.delete('example.com/v1', 'Widget', 'default', 'w');
    await gone('w-child', 'example.com/v1', 'Widget');
  });
});
