// Real kubectl, every installed version 1.27–1.33, against a real `wheelhouse cluster start`.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ClusterProcess } from './harness';
import { useCluster, kubectlsOrSkip, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), SIMULATED_LOCAL_NODES);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version}`, () => {
    const ns = `k${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      assert.match(k.ok(['create', 'namespace', ns], { namespaced: false }), new RegExp(`namespace/${ns} created`));
    });

    test('apply -f file with several documents', () => {
      const out = k.ok(['apply', '-f', join(FIXTURES, 'app.yaml')]);
      assert.match(out, /deployment\.apps\/web created/);
      assert.match(out, /service\/web created/);
      assert.match(out, /configmap\/web-config created/);
      assert.match(k.ok(['apply', '-f', join(FIXTURES, 'app.yaml')]), /deployment\.apps\/web unchanged/);
    });

    test('apply -f dir -R', () => {
      const out = k.ok(['apply', '-f', join(FIXTURES, 'tree'), '-R']);
      assert.match(out, /configmap\/tree-one created/);
      assert.match(out, /configmap\/tree-two created/);
    });

    test('get in every output format', () => {
      const wide = k.ok(['get', 'deployment', 'web', '-o', 'wide']);
      assert.match(wide.split('\n')[0]!, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR/);
      assert.match(wide, /^web\s+[0-2]\/2\s+[0-2]\s+[0-2]\s+\S+\s+web\s+nginx:1\.27\s+app=web/m);
      const yaml = parse(k.ok(['get', 'deployment', 'web', '-o', 'yaml']));
      assert.equal(yaml.spec.replicas, 2);
      assert.equal(yaml.spec.strategy.type, 'RollingUpdate', 'defaults are applied');
      assert.equal(JSON.parse(k.ok(['get', 'configmap', 'web-config', '-o', 'json'])).data.greeting, 'hello');
      assert.equal(k.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), 'nginx:1.27');
      assert.equal(k.ok(['get', 'deployment', 'web', '-o', 'name']).trim(), 'deployment.apps/web');
      assert.match(k.ok(['get', 'services']), /^web\s+ClusterIP\s+/m);
    });

    test('get all lists workloads and services', () => {
      const out = k.ok(['get', 'all']);
      assert.match(out, /service\/web/);
      assert.match(out, /deployment\.apps\/web/);
    });

    test('describe', () => {
      const out = k.ok(['describe', 'deployment', 'web']);
      assert.match(out, /^Name:\s+web$/m);
      assert.match(out, /^Namespace:\s+k\d+$/m);
      assert.match(out, /Replicas:\s+2 desired/);
    });

    test('label and annotate', () => {
      assert.match(k.ok(['label', 'configmap', 'web-config', 'tier=backend']), /configmap\/web-config labeled/);
      assert.match(k.ok(['annotate', 'configmap', 'web-config', 'owner=team-a']), /configmap\/web-config annotated?$/m);
      assert.match(k.ok(['get', 'configmaps', '-l', 'tier=backend', '-o', 'name']), /^configmap\/web-config$/m);
      assert.equal(k.ok(['get', 'configmaps', '-l', 'tier=frontend', '-o', 'name']).trim(), '');
      assert.equal(k.ok(['get', 'configmap', 'web-config', '-o', 'jsonpath={.metadata.annotations.owner}']), 'team-a');
    });

    test('patch: merge, json and strategic', () => {
      assert.match(k.ok(['patch', 'configmap', 'web-config', '--type', 'merge', '-p', '{"data":{"merge":"yes"}}']), /configmap\/web-config patched/);
      k.ok(['patch', 'configmap', 'web-config', '--type', 'json', '-p', '[{"op":"add","path":"/data/json","value":"yes"}]']);
      k.ok(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}']);
      const dep = JSON.parse(k.ok(['get', 'deployment', 'web', '-o', 'json']));
      assert.equal(dep.spec.template.spec.containers.length, 1, 'strategic merge matched the container by name');
      assert.equal(dep.spec.template.spec.containers[0].image, 'nginx:1.28');
      assert.equal(dep.spec.template.spec.containers[0].env[0].name, 'MODE', 'fields not in the patch are kept');
      const cm = JSON.parse(k.ok(['get', 'configmap', 'web-config', '-o', 'json']));
      assert.deepEqual([cm.data.merge, cm.data.json], ['yes', 'yes']);
    });

    test('edit through KUBE_EDITOR', () => {
      const editor = join(cluster.dataDir, `editor-${ns}.sh`);
      writeFileSync(editor, '#!/bin/sh\nsed -i "s/greeting: hello/greeting: edited/" "$1"\n');
      chmodSync(editor, 0o755);
      assert.match(k.ok(['edit', 'configmap', 'web-config'], { env: { KUBE_EDITOR: editor } }), /configmap\/web-config edited/);
      assert.equal(k.ok(['get', 'configmap', 'web-config', '-o', 'jsonpath={.data.greeting}']), 'edited');
    });

    test('create configmap and secret from literals', () => {
      assert.match(k.ok(['create', 'configmap', 'lit', '--from-literal=a=1', '--from-literal=b=2']), /configmap\/lit created/);
      assert.match(k.ok(['create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret']), /secret\/pw created/);
      const data = k.ok(['get', 'secret', 'pw', '-o', 'jsonpath={.data.password}']);
      assert.equal(Buffer.from(data, 'base64').toString(), 's3cret');
      assert.match(k.ok(['get', 'secret', 'pw']), /^pw\s+Opaque\s+1\s+/m);
    });

    test('diff shows a pending change and exits 1', () => {
      const changed = join(cluster.dataDir, `changed-${ns}.yaml`);
      writeFileSync(changed, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tree-one\ndata:\n  count: "42"\n');
      const r = k.run(['diff', '-f', changed]);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^-\s+count: "1"$/m);
      assert.match(r.stdout, /^\+\s+count: "42"$/m);
    });

    test('errors read like a real cluster', () => {
      assert.match(k.fails(['get', 'deployment', 'nope']), /Error from server \(NotFound\): deployments\.apps "nope" not found/);
      assert.match(k.fails(['apply', '-f', join(FIXTURES, 'unknown-field.yaml')]), /unknown field "datta"/);
      assert.match(k.fails(['apply', '-f', join(FIXTURES, 'malformed.yaml')]), /error/i);
      assert.match(k.fails(['create', 'configmap', 'Bad_Name']), /Invalid value: "Bad_Name"/);
    });

    test('delete -f', () => {
      const out = k.ok(['delete', '-f', join(FIXTURES, 'app.yaml')]);
      assert.match(out, /deployment\.apps "web" deleted/);
      assert.match(out, /configmap "web-config" deleted/);
      assert.match(k.fails(['get', 'configmap', 'web-config']), /not found/);
    });
  });
}
