import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBridgeCluster } from '../cache/test-support';

describe('objects over the bridge', () => {
  const b = useBridgeCluster();

  const secret = { group: '', version: 'v1', plural: 'secrets', namespace: 'default', name: 'db' };

  it('masks Secret values unless asked to reveal them', async () => {
    await b.t.http.request('local', { method: 'POST', path: '/api/v1/namespaces/default/secrets', body: { metadata: { name: 'db' }, stringData: { password: 'hunter2' } } });
    const masked = await b.call('object.get', { clusterId: 'local', ref: secret });
    assert.deepEqual(masked.data, { password: '••••••' });
    const yaml: string = await b.call('object.yaml', { clusterId: 'local', ref: secret });
    assert.ok(!yaml.includes(Buffer.from('hunter2').toString('base64')));
    assert.ok(!yaml.includes('managedFields'));
    assert.match(yaml, /password: ••••••/);
    const shown = await b.call('object.get', { clusterId: 'local', ref: secret, reveal: true });
    assert.equal(Buffer.from(shown.data.password, 'base64').toString(), 'hunter2');
  });

  it('lists the events about an object, newest first', async () => {
    const cm = await b.t.http.json('local', { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { metadata: { name: 'noisy' } } });
    const event = (name: string, reason: string, at: string, uid = cm.metadata.uid) =>
      b.t.http.request('local', { method: 'POST', path: '/api/v1/namespaces/default/events', body: { metadata: { name }, involvedObject: { kind: 'ConfigMap', name: 'noisy', namespace: 'default', uid }, reason, message: reason, type: 'Normal', firstTimestamp: at, lastTimestamp: at } });
    await event('e1', 'Older', '2024-01-01T00:00:00Z');
    await event('e2', 'Newer', '2024-01-02T00:00:00Z');
    await event('e3', 'OtherIncarnation', '2024-01-03T00:00:00Z', 'another-uid');
    const events = await b.call<any[]>('object.events', { clusterId: 'local', ref: { group: '', version: 'v1', plural: 'configmaps', namespace: 'default', name: 'noisy' } });
    assert.deepEqual(events.map((e) => e.reason), ['Newer', 'Older']);
  });

  it('finds owners and children', async () => {
    const owner = await b.t.http.json('local', { method: 'POST', path: '/apis/apps/v1/namespaces/default/replicasets', body: { metadata: { name: 'web-1' }, spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } } });
    const ownerRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: owner.metadata.uid, controller: true };
    await b.t.http.request('local', { method: 'POST', path: '/api/v1/namespaces/default/pods', body: { metadata: { name: 'web-1-a', ownerReferences: [ownerRef] }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    await b.t.http.request('local', { method: 'POST', path: '/api/v1/namespaces/default/pods', body: { metadata: { name: 'stray' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    const rs = await b.call('object.related', { clusterId: 'local', ref: { group: 'apps', version: 'v1', plural: 'replicasets', namespace: 'default', name: 'web-1' } });
    assert.deepEqual(rs.children.map((c: any) => `${c.plural}/${c.name}`), ['pods/web-1-a']);
    const pod = await b.call('object.related', { clusterId: 'local', ref: { group: '', version: 'v1', plural: 'pods', namespace: 'default', name: 'web-1-a' } });
    assert.deepEqual(pod.owners, [{ group: 'apps', version: 'v1', plural: 'replicasets', namespace: 'default', name: 'web-1' }]);
  });
});
