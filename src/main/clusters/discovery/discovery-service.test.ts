import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiextensionsV1Api, KubeConfig } from '@kubernetes/client-node';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { silentLogger } from '../logger';
import { realClock } from '../connections/clock';
import { ConnectionManager } from '../connections/connection-manager';
import { sourceFor, tempDir, writeKubeconfig } from '../connections/connections.test-support';
import { DiscoveryService } from './discovery-service';
import { fetchKinds, isBrowsable } from './fetch-kinds';
import { legacyDiscovery } from './legacy';
import { listNamespaces } from './namespaces';

let cluster: RunningCluster;
let connections: ConnectionManager;
let discovery: DiscoveryService;
let id: string;

before(async () => {
  cluster = await startCluster({ port: 0, components: false });
  const path = writeKubeconfig(tempDir('wh-disc-'), 'config', cluster.url, cluster.caPem, { token: cluster.token });
  id = `${path}#test`;
  connections = new ConnectionManager({ source: sourceFor(path), clock: realClock, shellEnv: async () => ({ PATH: '' }), logger: silentLogger });
  discovery = new DiscoveryService({ connections, clock: realClock, logger: silentLogger, refreshMs: 200 });
});
after(async () => {
  discovery.dispose();
  connections.dispose();
  await cluster.stop();
});

const find = <K extends { group: string; kind: string }>(kinds: K[], group: string, kind: string): K | undefined => kinds.find((k) => k.group === group && k.kind === kind);

test('built-in kinds land in their sidebar sections, preferred versions only, no subresources', async () => {
  const kinds = await discovery.kinds(id);
  const section = (group: string, kind: string) => find(kinds, group, kind)?.category;
  assert.equal(section('', 'Pod'), 'Workloads');
  assert.equal(section('apps', 'Deployment'), 'Workloads');
  assert.equal(section('batch', 'CronJob'), 'Workloads');
  assert.equal(section('', 'Service'), 'Network');
  assert.equal(section('networking.k8s.io', 'Ingress'), 'Network');
  assert.equal(section('', 'ConfigMap'), 'Config');
  assert.equal(section('', 'Secret'), 'Config');
  assert.equal(section('', 'PersistentVolumeClaim'), 'Storage');
  assert.equal(section('', 'ServiceAccount'), 'Access');
  assert.equal(section('rbac.authorization.k8s.io', 'ClusterRole'), 'Access');
  assert.equal(section('', 'Node'), 'Cluster');
  assert.equal(section('', 'Namespace'), 'Cluster');
  assert.equal(section('apiextensions.k8s.io', 'CustomResourceDefinition'), 'Cluster');
  assert.ok(!kinds.some((k) => k.plural.includes('/')), 'no subresources');
  const deployments = kinds.filter((k) => k.group === 'apps' && k.kind === 'Deployment');
  assert.equal(deployments.length, 1);
  assert.equal(deployments[0]!.version, 'v1');
  assert.equal(deployments[0]!.namespaced, true);
  assert.ok(deployments[0]!.verbs.includes('list'));
  assert.ok(find(kinds, '', 'Pod')!.shortNames?.includes('po'));
  const order = kinds.map((k) => k.category);
  assert.equal(order[0], 'Workloads');
});

test('a new CRD appears under Custom resources once discovery is refreshed', async () => {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  const changed = new Promise<string>((resolve) => discovery.onDidChange(resolve));
  await kc.makeApiClient(ApiextensionsV1Api).createCustomResourceDefinition({
    body: {
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wg'] },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', x_kubernetes_preserve_unknown_fields: true } } }],
      },
    },
  });
  assert.equal(await changed, id);
  const widget = find(await discovery.kinds(id), 'example.com', 'Widget');
  assert.deepEqual(widget, { group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', namespaced: true, verbs: widget!.verbs, shortNames: ['wg'], category: 'Custom resources' });
});

test('asking again with the ETag costs a 304 when nothing changed', async () => {
  const kc = await connections.kubeConfigFor(id);
  const memo = { etags: {}, resources: {} };
  const first = await fetchKinds(kc, memo);
  assert.equal(first.unchanged, false);
  assert.ok(Object.keys(memo.etags).length > 0, 'the server sends ETags');
  const second = await fetchKinds(kc, memo);
  assert.equal(second.unchanged, true);
});

test('namespaces.list gives the names, sorted', async () => {
  const names = await listNamespaces(await connections.kubeConfigFor(id));
  for (const ns of ['default', 'kube-public', 'kube-system']) assert.ok(names.includes(ns), `${ns} in ${names.join(',')}`);
  assert.deepEqual(names, [...names].sort());
});

test('the legacy walk (servers before 1.27) finds the same browsable kinds as aggregated discovery', async () => {
  const kc = await connections.kubeConfigFor(id);
  const key = (r: { group: string; version: string; kind: string; plural: string; namespaced: boolean }) => `${r.group}/${r.version}/${r.kind}/${r.plural}/${r.namespaced}`;
  const aggregated = (await fetchKinds(kc, { etags: {}, resources: {} })).kinds.map(key).sort();
  const legacy = (await legacyDiscovery(kc)).filter(isBrowsable).map(key).sort();
  assert.deepEqual(legacy, aggregated);
});

test('kinds that cannot be listed and watched (metrics, reviews) are left out of the sidebar', async () => {
  const kc = await connections.kubeConfigFor(id);
  const { kinds } = await fetchKinds(kc, { etags: {}, resources: {} });
  assert.equal(kinds.some((k) => k.group === 'metrics.k8s.io'), false);
  assert.equal(kinds.some((k) => k.kind === 'TokenReview' || k.kind === 'SelfSubjectAccessReview'), false);
  assert.ok(kinds.some((k) => k.kind === 'Pod'));
});
