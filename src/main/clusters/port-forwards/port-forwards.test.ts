// Port-forwards against the real built-in cluster's objects (Services, pods, readiness) and real
// TCP: a local HTTP server plays each pod's port. Until the built-in cluster serves pods/portforward
// the test dials that server for the pod the forward chose; resolution, listing, persistence and
// reconnecting are the real code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { createClusterServices, type ClusterServices } from '../create-cluster-services';
import { silentLogger } from '../logger';
import { PortForwardService } from './port-forward-service';
import { PortForwardStore } from './store';
import type { Dial } from './tunnel';

const dir = mkdtempSync(join(tmpdir(), 'wh-forwards-'));
let cluster: RunningCluster;
let services: ClusterServices;
let api: CoreV1Api;
const podServers = new Map<string, Server>();
const dialed: string[] = [];
const store = new PortForwardStore(join(dir, 'config', 'port-forwards.json'));

// the stand-in for pods/portforward: a pod's port is the HTTP server started for that pod
const dial = (): Dial => async (target, socket) => {
  dialed.push(`${target.pod}:${target.port}`);
  const server = podServers.get(target.pod);
  const address = server?.address();
  if (!server || !address || typeof address !== 'object') throw new Error(`pod ${target.pod} is gone`);
  await new Promise<void>((resolve, reject) => {
    const upstream = connect(address.port, '127.0.0.1', () => {
      socket.pipe(upstream).pipe(socket);
      resolve();
    });
    upstream.on('error', reject);
  });
};

function makeService(): PortForwardService {
  return new PortForwardService({ connections: services.connections, store, logger: silentLogger, dial, backoff: { initialMs: 50, maxMs: 200 } });
}

async function startPod(name: string): Promise<void> {
  await api.createNamespacedPod({
    namespace: 'default',
    body: { metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] } },
  });
  const pod = await api.readNamespacedPod({ namespace: 'default', name });
  pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
  await api.replaceNamespacedPodStatus({ namespace: 'default', name, body: pod });
  const server = createServer((s) => s.end(`HTTP/1.1 200 OK\r\nContent-Length: ${name.length}\r\nConnection: close\r\n\r\n${name}`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  podServers.set(name, server);
}

async function until<T>(get: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

before(async () => {
  cluster = await startCluster({ port: 0, components: false, kubeconfigPath: join(dir, 'builtin', 'kubeconfig.yaml') });
  services = createClusterServices({ env: { PATH: process.env.PATH }, home: dir, configDir: join(dir, 'config'), builtinKubeconfigPath: cluster.kubeconfigPath, logger: silentLogger });
  const kc: KubeConfig = await services.connections.kubeConfigFor('local');
  api = kc.makeApiClient(CoreV1Api);
  await api.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'front', port: 80, targetPort: 'http' as never }] } } });
  await startPod('web-1');
});
after(async () => {
  for (const s of podServers.values()) s.close();
  services.dispose();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a Service forward maps its port to a ready pod\'s targetPort, listens on 127.0.0.1, and is remembered', async () => {
  const pf = makeService();
  const info = await pf.start({ clusterId: 'local', namespace: 'default', target: { kind: 'service', name: 'web' }, port: 80 });
  assert.equal(info.state, 'active');
  assert.equal(info.pod, 'web-1');
  assert.equal(info.podPort, 8080);
  assert.ok(info.localPort > 0);
  assert.equal(await (await fetch(info.url)).text(), 'web-1');
  assert.deepEqual(dialed.slice(-1), ['web-1:8080']);
  assert.deepEqual(store.read().map((f) => [f.target.name, f.localPort]), [['web', info.localPort]]);
  pf.dispose();
  await assert.rejects(fetch(info.url), 'the listener is closed with the service');

  const again = makeService();
  again.restore();
  const back = await until(() => again.list().find((f) => f.state === 'active'), 'the remembered forward to come back');
  assert.equal(back.localPort, info.localPort);
  assert.equal(await (await fetch(back.url)).text(), 'web-1');
  again.stop(back.id);
  assert.deepEqual(store.read(), []);
  again.dispose();
});

test('when the pod goes, the forward reconnects with backoff and lands on the next ready pod', async () => {
  const pf = makeService();
  const info = await pf.start({ clusterId: 'local', namespace: 'default', target: { kind: 'service', name: 'web' }, port: 'front' });
  await api.deleteNamespacedPod({ namespace: 'default', name: 'web-1', gracePeriodSeconds: 0 });
  podServers.get('web-1')!.close();
  podServers.delete('web-1');
  await assert.rejects(fetch(info.url));
  const waiting = await until(() => pf.list().find((f) => f.state === 'reconnecting'), 'reconnecting');
  assert.match(waiting.message ?? '', /no running, ready pod behind service default\/web|pod web-1 is gone|not found/);
  await startPod('web-2');
  const active = await until(() => pf.list().find((f) => f.state === 'active' && f.pod === 'web-2'), 'the forward on web-2');
  assert.equal(await (await fetch(active.url)).text(), 'web-2');
  pf.dispose();
});

test('a remembered forward waiting out a long backoff retries at once when its cluster comes back online', async () => {
  store.write([{ id: 'saved-1', clusterId: 'local', namespace: 'default', target: { kind: 'pod', name: 'web-3' }, port: 'http', localPort: 0 }]);
  const pf = new PortForwardService({ connections: services.connections, store, logger: silentLogger, dial, backoff: { initialMs: 600_000, maxMs: 600_000 } });
  pf.restore();
  const waiting = await until(() => pf.list().find((f) => f.state === 'reconnecting'), 'the restored forward to wait for its pod');
  assert.match(waiting.message ?? '', /pod default\/web-3 not found/);
  await startPod('web-3');
  services.connections.disconnect('local');
  await services.connections.connect('local');
  const active = await until(() => pf.list().find((f) => f.state === 'active'), 'the forward to come back without waiting out its backoff', 5_000);
  assert.equal(active.podPort, 8080);
  assert.equal(await (await fetch(active.url)).text(), 'web-3');
  pf.dispose();
  store.write([]);
});

test('mistakes are told at once, worded like kubectl', async () => {
  const pf = makeService();
  const start = (target: { kind: 'pod' | 'service'; name: string }, port: number | string, localPort?: number) => pf.start({ clusterId: 'local', namespace: 'default', target, port, localPort });
  await assert.rejects(start({ kind: 'service', name: 'nope' }, 80), /service default\/nope not found/);
  await assert.rejects(start({ kind: 'service', name: 'web' }, 81), /Service web does not have a service port 81/);
  await assert.rejects(start({ kind: 'pod', name: 'web-2' }, 'metrics'), /Pod 'web-2' does not have a named port 'metrics'/);
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
  const port = (taken.address() as { port: number }).port;
  await assert.rejects(start({ kind: 'pod', name: 'web-2' }, 8080, port), new RegExp(`local port ${port} is already in use`));
  taken.close();
  assert.deepEqual(pf.list(), []);
  pf.dispose();
});
