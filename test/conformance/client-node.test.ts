// @kubernetes/client-node against a real `wheelhouse cluster start`: CRUD, every patch type,
// errors, and an informer that survives a restart of the cluster.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException, CoreV1Api, AppsV1Api, KubeConfig, PatchStrategy, makeInformer, setHeaderOptions, type V1ConfigMap } from '@kubernetes/client-node';
import { removeDir, startCluster, type ClusterProcess } from './harness';
import { SIMULATED_LOCAL_NODES } from './suite';

let cluster: ClusterProcess;
const kc = new KubeConfig();
let core: CoreV1Api;
const ns = 'client-node';

before(async () => {
  cluster = await startCluster(undefined, SIMULATED_LOCAL_NODES);
  kc.loadFromFile(cluster.kubeconfig);
  core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: ns } } });
});
after(async () => {
  await cluster?.stop();
  if (cluster) removeDir(cluster.dataDir);
});

const errorOf = async (p: Promise<unknown>): Promise<ApiException<string>> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiException) return err as ApiException<string>;
    throw err;
  }
  assert.fail('expected the call to fail');
};

test('create, read, update, list and delete', async () => {
  const created = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'crud' }, data: { a: '1' } } });
  assert.ok(created.metadata?.uid);
  assert.ok(created.metadata?.resourceVersion);
  const read = await core.readNamespacedConfigMap({ name: 'crud', namespace: ns });
  assert.equal(read.data?.a, '1');
  read.data = { a: '2' };
  const updated = await core.replaceNamespacedConfigMap({ name: 'crud', namespace: ns, body: read });
  assert.equal(updated.data?.a, '2');
  assert.notEqual(updated.metadata?.resourceVersion, read.metadata?.resourceVersion);
  const list = await core.listNamespacedConfigMap({ namespace: ns });
  assert.deepEqual(list.items.map((c) => c.metadata?.name), ['crud']);
  await core.deleteNamespacedConfigMap({ name: 'crud', namespace: ns });
  assert.equal((await errorOf(core.readNamespacedConfigMap({ name: 'crud', namespace: ns }))).code, 404);
});

test('every patch type', async () => {
  const apps = kc.makeApiClient(AppsV1Api);
  const deployment = {
    metadata: { name: 'patched' },
    spec: { selector: { matchLabels: { app: 'p' } }, template: { metadata: { labels: { app: 'p' } }, spec: { containers: [{ name: 'c', image: 'busybox', env: [{ name: 'A', value: '1' }] }] } } },
  };
  await apps.createNamespacedDeployment({ namespace: ns, body: deployment });
  const patch = (body: unknown, type: string, extra: Record<string, unknown> = {}) =>
    apps.patchNamespacedDeployment({ name: 'patched', namespace: ns, body, ...extra }, setHeaderOptions('Content-Type', type));

  await patch([{ op: 'replace', path: '/spec/replicas', value: 3 }], PatchStrategy.JsonPatch);
  await patch({ metadata: { labels: { merged: 'yes' } } }, PatchStrategy.MergePatch);
  await patch({ spec: { template: { spec: { containers: [{ name: 'c', env: [{ name: 'B', value: '2' }] }] } } } }, PatchStrategy.StrategicMergePatch);
  const applied = await patch(
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'patched', annotations: { applied: 'yes' } } },
    PatchStrategy.ServerSideApply,
    { fieldManager: 'client-node-test' },
  );
  assert.equal(applied.spec?.replicas, 3);
  assert.equal(applied.metadata?.labels?.merged, 'yes');
  assert.deepEqual(applied.spec?.template.spec?.containers[0]?.env?.map((e) => e.name).sort(), ['A', 'B']);
  assert.equal(applied.metadata?.annotations?.applied, 'yes');
  assert.ok(applied.metadata?.managedFields?.some((m) => m.manager === 'client-node-test' && m.operation === 'Apply'));
});

test('errors carry a Status with reason and code', async () => {
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'dup' } } });
  const dup = await errorOf(core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'dup' } } }));
  assert.equal(dup.code, 409);
  const status = JSON.parse(dup.body);
  assert.equal(status.kind, 'Status');
  assert.equal(status.reason, 'AlreadyExists');
  assert.equal(status.message, 'configmaps "dup" already exists');

  const stale = await core.readNamespacedConfigMap({ name: 'dup', namespace: ns });
  await core.replaceNamespacedConfigMap({ name: 'dup', namespace: ns, body: { ...stale, data: { v: '1' } } });
  const conflict = await errorOf(core.replaceNamespacedConfigMap({ name: 'dup', namespace: ns, body: { ...stale, data: { v: '2' } } }));
  assert.equal(conflict.code, 409);
  assert.match(JSON.parse(conflict.body).message, /the object has been modified; please apply your changes to the latest version and try again/);

  const invalid = await errorOf(core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'UPPER' } } }));
  assert.equal(invalid.code, 422);
  assert.equal(JSON.parse(invalid.body).reason, 'Invalid');

  const noNs = await errorOf(core.createNamespacedConfigMap({ namespace: 'missing', body: { metadata: { name: 'x' } } }));
  assert.equal(noNs.code, 404);
  assert.equal(JSON.parse(noNs.body).message, 'namespaces "missing" not found');
});

test('an informer keeps its cache across a restart of the cluster', async () => {
  const path = `/api/v1/namespaces/${ns}/configmaps`;
  const seen = new Set<string>();
  const informer = makeInformer<V1ConfigMap>(kc, path, () => core.listNamespacedConfigMap({ namespace: ns }));
  informer.on('add', (cm) => seen.add(cm.metadata!.name!));
  let stopped = false;
  // client-node's informer stops on errors; restarting it is the caller's job, as its docs say.
  informer.on('error', () => setTimeout(() => !stopped && informer.start().catch(() => undefined), 200));
  await informer.start();
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'before-restart' } } });
  await waitFor(() => seen.has('before-restart'));

  cluster = await cluster.restart();
  kc.loadFromFile(cluster.kubeconfig);
  const fresh = kc.makeApiClient(CoreV1Api);
  assert.equal((await fresh.readNamespacedConfigMap({ name: 'before-restart', namespace: ns })).metadata?.name, 'before-restart', 'objects survive a restart');
  await fresh.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'after-restart' } } });
  await waitFor(() => seen.has('after-restart'), 15_000);
  assert.ok(informer.list().some((c) => c.metadata?.name === 'before-restart'));
  stopped = true;
  await informer.stop();
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) assert.fail('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
