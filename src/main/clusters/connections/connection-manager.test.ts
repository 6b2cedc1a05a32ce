import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { silentLogger } from '../logger';
import { realClock } from './clock';
import { ConnectionManager, type ConnectionStatus } from './connection-manager';
import { sourceFor, tempDir, writeKubeconfig } from './connections.test-support';

let cluster: RunningCluster;
before(async () => (cluster = await startCluster({ port: 0, components: false })));
after(async () => cluster.stop());

const processPath = async () => ({ PATH: process.env.PATH ?? '' });
const manager = (kubeconfigPath: string, extra: Partial<ConstructorParameters<typeof ConnectionManager>[0]> = {}) =>
  new ConnectionManager({ source: sourceFor(kubeconfigPath), clock: realClock, shellEnv: processPath, logger: silentLogger, ...extra });
const id = (path: string) => `${path}#test`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

test('the built-in cluster with its admin token is online, and kubeConfigFor works against it', async () => {
  const path = writeKubeconfig(tempDir('wh-conn-'), 'config', cluster.url, cluster.caPem, { token: cluster.token });
  const connections = manager(path);
  const seen: ConnectionStatus['state'][] = [];
  connections.onDidChange((s) => seen.push(s.state));
  const status = await connections.connect(id(path));
  assert.equal(status.state, 'online', status.message);
  assert.equal(status.epoch, 1);
  assert.deepEqual(seen, ['connecting', 'online']);
  const kc = await connections.kubeConfigFor(id(path));
  assert.equal(kc.getCurrentCluster()?.server, cluster.url);
  connections.dispose();
});

test('a wrong token is unauthorized, and kubeConfigFor says so', async () => {
  const path = writeKubeconfig(tempDir('wh-conn-'), 'config', cluster.url, cluster.caPem, { token: 'not-the-token' });
  const connections = manager(path);
  const status = await connections.connect(id(path));
  assert.equal(status.state, 'unauthorized');
  assert.match(status.message!, /401 Unauthorized/);
  await assert.rejects(connections.kubeConfigFor(id(path)), { code: 'Unauthorized' });
  connections.dispose();
});

test('a closed port is offline with the address and the network error', async () => {
  const port = await freePort();
  const path = writeKubeconfig(tempDir('wh-conn-'), 'config', `https://127.0.0.1:${port}`, cluster.caPem, { token: cluster.token });
  const connections = manager(path, { backoff: { initialMs: 60_000, maxMs: 60_000 } });
  const status = await connections.connect(id(path));
  assert.equal(status.state, 'offline');
  assert.equal(status.message, `cannot reach https://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
  await assert.rejects(connections.kubeConfigFor(id(path)), { code: 'Offline' });
  connections.dispose();
});

test('a cluster that goes away is retried with backoff and comes back online in a new epoch', async () => {
  const dataDir = tempDir('wh-conn-data-');
  const port = await freePort();
  let restartable = await startCluster({ port, dataDir, components: false });
  const path = writeKubeconfig(tempDir('wh-conn-'), 'config', restartable.url, restartable.caPem, { token: restartable.token });
  const connections = manager(path, { backoff: { initialMs: 100, maxMs: 400 }, healthCheckMs: 200 });
  try {
    assert.equal((await connections.connect(id(path))).state, 'online');
    const states: string[] = [];
    const cameBack = new Promise<ConnectionStatus>((resolve) => connections.onDidComeOnline(resolve));
    connections.onDidChange((s) => states.push(s.state));
    await restartable.stop();
    await until(() => connections.status(id(path)).state === 'offline');
    restartable = await startCluster({ port, dataDir, components: false });
    const back = await cameBack;
    assert.equal(back.epoch, 2);
    assert.deepEqual(states, ['offline', 'online']);
  } finally {
    connections.dispose();
    await restartable.stop();
  }
});

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a server whose certificate the kubeconfig does not vouch for is offline, and says why', async () => {
  const other = await startCluster({ port: 0, components: false });
  try {
    // the kubeconfig trusts another cluster's CA: the certificate chain cannot be verified
    const path = writeKubeconfig(tempDir('wh-conn-'), 'config', cluster.url, other.caPem, { token: cluster.token });
    const connections = manager(path, { backoff: { initialMs: 60_000, maxMs: 60_000 } });
    const status = await connections.connect(id(path));
    assert.equal(status.state, 'offline');
    assert.match(status.message!, new RegExp(`^the certificate of ${cluster.url} is not trusted: .* \\(check certificate-authority in the kubeconfig\\)$`));
    connections.dispose();
  } finally {
    await other.stop();
  }
});
