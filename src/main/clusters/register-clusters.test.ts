import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ServerMessage } from '../../shared/bridge/protocol';
import type { ClusterSummary } from '../../shared/bridge/types';
import { startCluster, type RunningCluster } from '../controlplane/cluster/cluster';
import { BridgeRouter, Connection } from '../engine/bridge/router';
import { createClusterServices, type ClusterServices } from './create-cluster-services';
import { silentLogger } from './logger';
import { registerClusters } from './register-clusters';

const dir = mkdtempSync(join(tmpdir(), 'wh-register-'));
const kubeconfig = join(dir, 'kubeconfig');
writeFileSync(
  kubeconfig,
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'lab', cluster: { server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'lab', user: { 'client-certificate': 'missing.crt', 'client-key': 'missing.key' } }],
    contexts: [{ name: 'lab', context: { cluster: 'lab', user: 'lab', namespace: 'web' } }],
  }),
);

let cluster: RunningCluster;
let services: ClusterServices;
const router = new BridgeRouter();
const messages: ServerMessage[] = [];
const conn = new Connection((m) => messages.push(m));
let nextId = 1;

async function call(method: string, params?: unknown): Promise<ServerMessage> {
  const id = nextId++;
  await router.dispatch(conn, { kind: 'request', id, method, params });
  return messages.find((m) => 'id' in m && m.id === id && (m.kind === 'result' || m.kind === 'error'))!;
}
const result = async <T>(method: string, params?: unknown): Promise<T> => {
  const m = await call(method, params);
  assert.equal(m.kind, 'result', JSON.stringify(m));
  return (m as { result: T }).result;
};

before(async () => {
  cluster = await startCluster({ port: 0, components: false, kubeconfigPath: join(dir, 'builtin', 'kubeconfig.yaml') });
  services = createClusterServices({ env: { KUBECONFIG: kubeconfig, PATH: process.env.PATH }, home: dir, configDir: join(dir, 'config'), builtinKubeconfigPath: cluster.kubeconfigPath, logger: silentLogger });
  registerClusters(router, services);
});
after(async () => {
  conn.close();
  services.dispose();
  await cluster.stop();
});

test('clusters.list: the built-in cluster first, then each context with its warnings', async () => {
  const list = await result<ClusterSummary[]>('clusters.list');
  assert.deepEqual(
    list.map((c) => [c.id, c.name, c.builtIn]),
    [
      ['local', 'Local cluster', true],
      [`${kubeconfig}#lab`, 'lab', false],
    ],
  );
  const lab = list[1]!;
  assert.equal(lab.namespace, 'web');
  assert.equal(lab.source, kubeconfig);
  assert.deepEqual(lab.warnings, [
    "insecure-skip-tls-verify is set: the server's identity is not checked",
    `client-certificate file ${join(dir, 'missing.crt')} does not exist`,
    `client-key file ${join(dir, 'missing.key')} does not exist`,
  ]);
  assert.deepEqual(list[0]!.warnings, []);
});

test('clusters.connect brings the built-in cluster online; kinds and namespaces follow', async () => {
  const local = await result<ClusterSummary>('clusters.connect', { clusterId: 'local' });
  assert.equal(local.state, 'online', local.stateMessage);
  assert.equal(local.server, cluster.url);
  const kinds = await result<{ kind: string; category: string }[]>('resources.kinds', { clusterId: 'local' });
  assert.ok(kinds.some((k) => k.kind === 'Deployment' && k.category === 'Workloads'));
  assert.ok((await result<string[]>('namespaces.list', { clusterId: 'local' })).includes('default'));
});

test('clusters.watch streams the list when a kubeconfig is added', async () => {
  const extra = join(dir, 'extra.yaml');
  writeFileSync(extra, stringify({ clusters: [{ name: 'x', cluster: { server: 'https://x:6443' } }], users: [{ name: 'x', user: {} }], contexts: [{ name: 'extra', context: { cluster: 'x', user: 'x' } }] }));
  const first = await call('clusters.watch');
  assert.equal(first.kind, 'result');
  const added = await result<ClusterSummary[]>('clusters.addKubeconfig', { path: extra });
  assert.ok(added.some((c) => c.id === `${extra}#extra`));
  const events = messages.filter((m) => m.kind === 'event' && m.id === (first as { id: number }).id);
  assert.ok(events.some((e) => (e as { event: ClusterSummary[] }).event.some((c) => c.name === 'extra')));
  assert.deepEqual(
    (await result<{ path: string; origin: string }[]>('clusters.sources')).map((s) => s.origin),
    ['builtin', 'KUBECONFIG', 'added'],
  );
  await result('clusters.removeKubeconfig', { path: extra });
  assert.ok(!(await result<ClusterSummary[]>('clusters.list')).some((c) => c.name === 'extra'));
});

test('an unknown cluster or a missing file is a NotFound the user can read', async () => {
  const m = await call('resources.kinds', { clusterId: 'nope' });
  assert.equal(m.kind, 'error');
  assert.equal((m as { error: { code: string } }).error.code, 'NotFound');
  const add = await call('clusters.addKubeconfig', { path: join(dir, 'nothing-here') });
  assert.match((add as { error: { message: string } }).error.message, /does not exist/);
});

test('a context whose client certificate is missing cannot log in, and says which file', async () => {
  const lab = await result<ClusterSummary>('clusters.connect', { clusterId: `${kubeconfig}#lab` });
  assert.equal(lab.state, 'unauthorized');
  assert.match(lab.stateMessage!, /could not get credentials for user "lab": .*missing\.crt/);
  services.connections.disconnect(`${kubeconfig}#lab`);
});
