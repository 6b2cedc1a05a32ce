// A service account with no RBAC grants: it authenticates (so not "unauthorized") but may not
// list namespaces, which the app needs to show anything: "forbidden", with the server's reason.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { silentLogger } from '../logger';
import { realClock } from './clock';
import { ConnectionManager } from './connection-manager';
import { sourceFor, tempDir, writeKubeconfig } from './connections.test-support';

let cluster: RunningCluster;
before(async () => (cluster = await startCluster({ port: 0, components: false })));
after(async () => cluster.stop());

test('a user who may not list namespaces is forbidden, yet its KubeConfig is still handed out', async (t) => {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'nobody' } } });
  const { status } = await core.createNamespacedServiceAccountToken({ namespace: 'default', name: 'nobody', body: { spec: { audiences: [] } } });
  const path = writeKubeconfig(tempDir('wh-forbidden-'), 'config', cluster.url, cluster.caPem, { token: status!.token });
  const connections = new ConnectionManager({ source: sourceFor(path), clock: realClock, shellEnv: async () => ({ PATH: '' }), logger: silentLogger });
  const result = await connections.connect(`${path}#test`);
  if (result.state === 'online') {
    connections.dispose();
    return t.skip('the built-in cluster does not enforce RBAC on requests yet');
  }
  assert.equal(result.state, 'forbidden', result.message);
  assert.match(result.message!, /^namespaces cannot be listed \(403 Forbidden\): .*system:serviceaccount:default:nobody/);
  assert.ok(await connections.kubeConfigFor(`${path}#test`));
  connections.dispose();
});
