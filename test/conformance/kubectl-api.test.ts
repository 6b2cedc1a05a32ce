// Real kubectl, every installed version: discovery, explain, server-side apply, wait, watch and CRDs.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedKubectls, type ClusterProcess } from './harness';
import { useCluster, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const kubectls = installedKubectls();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), SIMULATED_LOCAL_NODES);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version}`, () => {
    const ns = `a${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
    });

    test('cluster-info, api-resources and api-versions', () => {
      assert.match(k.ok(['cluster-info'], { namespaced: false }), /Kubernetes control plane.* is running at .*https:\/\/127\.0\.0\.1:\d+/);
      const resources = k.ok(['api-resources'], { namespaced: false });
      assert.match(resources, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
      assert.match(resources, /^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false\s+CustomResourceDefinition$/m);
      const versions = k.ok(['api-versions'], { namespaced: false });
      for (const gv of ['v1', 'apps/v1', 'batch/v1', 'autoscaling/v2', 'rbac.authorization.k8s.io/v1']) assert.match(versions, new RegExp(`^${gv.replace('.', '\\.')}$`, 'm'));
    });

    test('explain', () => {
      assert.match(k.ok(['explain', 'deployment.spec.replicas'], { namespaced: false }), /Number of desired pods/);
      assert.match(k.ok(['explain', 'pods.spec.containers'], { namespaced: false }), /image\s+<string>/);
    });

    test('apply --server-side, with a conflict and --force-conflicts', () => {
      const file = join(FIXTURES, 'app.yaml');
      assert.match(k.ok(['apply', '--server-side', '--field-manager', 'team-a', '-f', file]), /deployment\.apps\/web serverside-applied/);
      const changed = join(cluster.dataDir, `ssa-${ns}.yaml`);
      writeFileSync(changed, readFileSync(file, 'utf8').replace('replicas: 2', 'replicas: 3'));
      const conflict = k.fails(['apply', '--server-side', '--field-manager', 'team-b', '-f', changed]);
      assert.match(conflict, /Apply failed with 1 conflict: conflict with "team-a": \.spec\.replicas|conflict with "team-a".*\.spec\.replicas/s);
      k.ok(['apply', '--server-side', '--field-manager', 'team-b', '--force-conflicts', '-f', changed]);
      assert.equal(k.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']), '3');
      const managers = JSON.parse(k.ok(['get', 'deployment', 'web', '-o', 'json', '--show-managed-fields'])).metadata.managedFields.map((m: { manager: string }) => m.manager);
      assert.ok(managers.includes('team-b'), `managers: ${managers}`);
    });

    test('wait --for=condition', () => {
      k.ok(['create', 'configmap', 'gate']);
      assert.match(k.ok(['wait', '--for=jsonpath={.metadata.name}=gate', 'configmap/gate', '--timeout=10s']), /configmap\/gate condition met/);
      k.ok(['apply', '--server-side', '-f', '-'], {
        input: JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${ns}` } }),
      });
      k.ok(['patch', 'node', `node-${ns}`, '--subresource=status', '--type=merge', '-p', '{"status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"ok"}]}}']);
      assert.match(k.ok(['wait', '--for=condition=Ready', `node/node-${ns}`, '--timeout=10s']), /condition met/);
      assert.match(k.fails(['wait', '--for=condition=Missing', `node/node-${ns}`, '--timeout=1s']), /timed out waiting for the condition/);
    });

    test('get -w streams changes', async () => {
      const child = spawn(kubectl.path, ['--kubeconfig', cluster.kubeconfig, '-n', ns, 'get', 'configmaps', '-w', '--output-watch-events']);
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      await until(() => /gate/.test(out), 10_000, () => `initial list never arrived: ${out}`);
      k.ok(['create', 'configmap', 'watched']);
      await until(() => /ADDED\s+watched/.test(out), 10_000, () => `watch never showed the new configmap: ${out}`);
      child.kill();
    });

    test('a CRD and its custom resources', () => {
      const group = `${ns}.example.com`;
      const crd = readFileSync(join(FIXTURES, 'crd.yaml'), 'utf8').replaceAll('GROUP', group);
      assert.match(k.ok(['apply', '-f', '-'], { input: crd, namespaced: false }), new RegExp(`customresourcedefinition.apiextensions.k8s.io/widgets.${group} created`));
      k.ok(['wait', '--for=condition=Established', `crd/widgets.${group}`, '--timeout=10s'], { namespaced: false });
      const cr = { apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 'small', replicas: 2 } };
      assert.match(k.ok(['apply', '-f', '-'], { input: JSON.stringify(cr) }), /widget\.[\w.]+\/w1 created/);
      const table = k.ok(['get', `widgets.${group}`]);
      assert.match(table.split('\n')[0]!, /^NAME\s+SIZE\s+REPLICAS\s+AGE/);
      assert.match(table, /^w1\s+small\s+2\s+/m);
      const bad = { ...cr, metadata: { name: 'w2' }, spec: { size: 'huge' } };
      assert.match(k.fails(['apply', '-f', '-'], { input: JSON.stringify(bad) }), /spec\.size: Unsupported value: "huge"/);
      assert.match(k.ok(['scale', `widgets.${group}/w1`, '--replicas=4']), /scaled/);
      assert.equal(k.ok(['get', `widgets.${group}`, 'w1', '-o', 'jsonpath={.spec.replicas}']), '4');
      assert.match(k.ok(['explain', `widgets.${group}.spec.size`], { namespaced: false }), /How big the widget is/);
      k.ok(['delete', 'crd', `widgets.${group}`], { namespaced: false });
    });
  });
}

async function until(check: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) assert.fail(message());
    await new Promise((r) => setTimeout(r, 50));
  }
}
