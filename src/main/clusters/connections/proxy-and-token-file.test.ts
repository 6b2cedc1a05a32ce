// Two kubeconfig features client-node supports only when they are passed on correctly:
// a tokenFile (re-read, as projected tokens rotate) and proxy-url (an HTTP CONNECT proxy).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { silentLogger } from '../logger';
import { realClock } from './clock';
import { ConnectionManager } from './connection-manager';
import { sourceFor, tempDir, writeKubeconfig } from './connections.test-support';

let cluster: RunningCluster;
before(async () => (cluster = await startCluster({ port: 0, components: false })));
after(async () => cluster.stop());

const manager = (path: string) => new ConnectionManager({ source: sourceFor(path), clock: realClock, shellEnv: async () => ({ PATH: '' }), logger: silentLogger });

test('a tokenFile next to the kubeconfig logs in', async () => {
  const dir = tempDir('wh-tokenfile-');
  writeFileSync(join(dir, 'token'), cluster.token);
  const path = writeKubeconfig(dir, 'config', cluster.url, cluster.caPem, { tokenFile: 'token' });
  const connections = manager(path);
  const status = await connections.connect(`${path}#test`);
  assert.equal(status.state, 'online', status.message);
  connections.dispose();
});

test('proxy-url sends the connection through the proxy', async () => {
  const tunnels: string[] = [];
  const proxy: Server = createServer();
  proxy.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  try {
    const dir = tempDir('wh-proxy-');
    const path = writeKubeconfig(dir, 'config', cluster.url, cluster.caPem, { token: cluster.token });
    const config = parse(readFileSync(path, 'utf8')) as { clusters: { cluster: Record<string, unknown> }[] };
    config.clusters[0]!.cluster['proxy-url'] = `http://127.0.0.1:${port}`;
    writeFileSync(path, stringify(config));
    const connections = manager(path);
    const status = await connections.connect(`${path}#test`);
    assert.equal(status.state, 'online', status.message);
    assert.ok(tunnels.includes(new URL(cluster.url).host), `tunnels: ${tunnels.join(', ')}`);
    connections.dispose();
  } finally {
    proxy.closeAllConnections();
    proxy.close();
  }
});
