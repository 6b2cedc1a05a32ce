// The `wheelhouse cluster` commands as a user runs them: ready line, kubeconfig, SIGTERM, restart,
// one cluster per folder, backup/restore, kill -9 durability, and bad input that never breaks it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, removeDir, startCluster, type ClusterProcess } from './harness';
import { SIMULATED_LOCAL_NODES } from './suite';
import { RawClient } from './raw';

let cluster: ClusterProcess;
let raw: RawClient;

before(async () => {
  cluster = await startCluster(undefined, SIMULATED_LOCAL_NODES);
  raw = new RawClient(cluster.kubeconfig);
});
after(async () => {
  await cluster?.stop();
  if (cluster) removeDir(cluster.dataDir);
});

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'wheelhouse.js'), ...args], { encoding: 'utf8', env: { ...process.env, WHEELHOUSE_FROM_SOURCE: '1' } });

const createConfigMap = (name: string, data: Record<string, string> = {}) =>
  raw.send('POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data }));

test('prints ready and writes an owner-only kubeconfig', () => {
  assert.match(cluster.readyLine, /ready at https:\/\/127\.0\.0\.1:\d+/);
  assert.equal(statSync(cluster.kubeconfig).mode & 0o777, 0o600);
});

test('requests without the token are refused with 401', async () => {
  const r = await raw.send('GET', '/api/v1/namespaces', undefined, {}, false);
  assert.equal(r.status, 401);
  assert.equal(JSON.parse(r.body).reason, 'Unauthorized');
});

test('a second cluster on the same folder is refused', () => {
  const r = cli('cluster', 'start', '--data-dir', cluster.dataDir);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /already using/);
});

test('bad input gets a 4xx Status and the server keeps serving', async () => {
  const malformed = await raw.send('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion": "v1", "kind": ');
  assert.equal(malformed.status, 400);
  assert.equal(JSON.parse(malformed.body).kind, 'Status');

  const huge = await raw.send('POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'huge' }, data: { x: 'y'.repeat(4 * 1024 * 1024) } }));
  assert.equal(huge.status, 413);

  const longName = await createConfigMap('a'.repeat(300));
  assert.equal(longName.status, 422);
  assert.match(JSON.parse(longName.body).message, /must be no more than 253 characters/);

  const wrongType = await raw.send('POST', '/apis/apps/v1/namespaces/default/deployments', JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'three' } }));
  assert.ok([400, 422].includes(wrongType.status), wrongType.body);

  const unknownKind = await raw.send('POST', '/apis/example.com/v1/namespaces/default/gizmos', '{}');
  assert.equal(unknownKind.status, 404);

  const wrongKind = await raw.send('POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }));
  assert.equal(wrongKind.status, 400);

  assert.equal((await createConfigMap('still-serving')).status, 201);
  assert.equal((await raw.send('GET', '/api/v1/namespaces/default/configmaps/huge')).status, 404, 'nothing half written');
});

test('SIGTERM stops cleanly and a restart brings every object back', async () => {
  assert.equal((await createConfigMap('survivor', { k: 'v' })).status, 201);
  cluster = await cluster.restart();
  raw = new RawClient(cluster.kubeconfig);
  const r = await raw.send('GET', '/api/v1/namespaces/default/configmaps/survivor');
  assert.equal(r.status, 200);
  assert.equal(JSON.parse(r.body).data.k, 'v');
});

test('kill -9 loses no acknowledged write', async () => {
  const acked: string[] = [];
  let stop = false;
  const writers = Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const name = `crash-${w}-${i}`;
      try {
        if ((await createConfigMap(name)).status === 201) acked.push(name);
      } catch {
        return;
      }
    }
  });
  await new Promise((r) => setTimeout(r, 700));
  await cluster.stop('SIGKILL');
  stop = true;
  await Promise.all(writers);
  assert.ok(acked.length > 10, `only ${acked.length} writes were acknowledged`);
  cluster = await startCluster(cluster.dataDir, SIMULATED_LOCAL_NODES);
  raw = new RawClient(cluster.kubeconfig);
  const list = JSON.parse((await raw.send('GET', '/api/v1/namespaces/default/configmaps')).body);
  const present = new Set(list.items.map((c: { metadata: { name: string } }) => c.metadata.name));
  const lost = acked.filter((n) => !present.has(n));
  assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged writes were lost`);
});

test('backup and restore through the CLI', async () => {
  const backup = join(mkdtempSync(join(tmpdir(), 'wh-backup-')), 'cluster.db');
  assert.equal((await createConfigMap('in-backup')).status, 201);
  const b = cli('cluster', 'backup', '--data-dir', cluster.dataDir, backup);
  assert.equal(b.status, 0, b.stderr);
  assert.equal((await createConfigMap('after-backup')).status, 201);

  const refused = cli('cluster', 'restore', '--data-dir', cluster.dataDir, backup);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /stop it before restoring/);

  await cluster.stop();
  const restored = cli('cluster', 'restore', '--data-dir', cluster.dataDir, backup);
  assert.equal(restored.status, 0, restored.stderr);
  cluster = await startCluster(cluster.dataDir, SIMULATED_LOCAL_NODES);
  raw = new RawClient(cluster.kubeconfig);
  assert.equal((await raw.send('GET', '/api/v1/namespaces/default/configmaps/in-backup')).status, 200);
  assert.equal((await raw.send('GET', '/api/v1/namespaces/default/configmaps/after-backup')).status, 404);
  removeDir(join(backup, '..'));
});
