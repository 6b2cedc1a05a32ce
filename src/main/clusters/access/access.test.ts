import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { BridgeRouter, Connection } from '../../engine/bridge/router';
import { bridgeClient, startTestCluster, type TestCluster } from '../cache/test-support';
import { registerResources, type RegisteredResources } from '../views/register';

describe('access checks', () => {
  let t: TestCluster;
  let reg: RegisteredResources;
  let call: ReturnType<typeof bridgeClient>['call'];
  let reviews = 0;

  before(async () => {
    t = await startTestCluster();
    await t.http.request('local', { method: 'POST', path: '/api/v1/namespaces/default/serviceaccounts', body: { metadata: { name: 'viewer' } } });
    const grant = { metadata: { name: 'viewer-reads-pods', namespace: 'default' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] };
    await t.http.request('local', { method: 'POST', path: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', body: grant });
    await t.http.request('local', { method: 'POST', path: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', body: { metadata: { name: 'viewer', namespace: 'default' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'viewer-reads-pods' }, subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'default' }] } });
    const tr = await t.http.json('local', { method: 'POST', path: '/api/v1/namespaces/default/serviceaccounts/viewer/token', body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} } });
    const viewer = new KubeConfig();
    const cluster = t.kc.getCurrentCluster()!;
    viewer.loadFromOptions({ clusters: [cluster], users: [{ name: 'viewer', token: tr.status.token }], contexts: [{ name: 'viewer', cluster: cluster.name, user: 'viewer' }], currentContext: 'viewer' });
    const router = new BridgeRouter();
    reg = registerResources(router, {
      kubeconfigs: {
        kubeConfigFor: async (id) => {
          if (id === 'viewer') reviews++;
          return id === 'viewer' ? viewer : t.kc;
        },
      },
    });
    call = bridgeClient(router, Connection).call;
  });
  after(async () => {
    reg.dispose();
    await t.stop();
  });

  it('allows what RBAC grants, and says why the rest is denied', async () => {
    const checks = [
      { verb: 'list', group: '', resource: 'pods', namespace: 'default' },
      { verb: 'delete', group: '', resource: 'pods', namespace: 'default', name: 'web-1' },
      { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'default' },
    ];
    const [list, del, scale] = await call('access.check', { clusterId: 'viewer', checks });
    assert.deepEqual(list, { allowed: true });
    assert.equal(del.allowed, false);
    assert.match(del.reason, /not allowed to delete pods "web-1" in namespace "default"/);
    assert.match(scale.reason, /patch deployments\/scale\.apps/);
    const asked = reviews;
    await call('access.check', { clusterId: 'viewer', checks });
    assert.equal(reviews, asked, 'answers are remembered for 30 s');
  });
});
