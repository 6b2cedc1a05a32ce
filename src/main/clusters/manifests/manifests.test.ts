import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBridgeCluster } from '../cache/test-support';

const deployment = (replicas: string, image = 'nginx:1.27') => `# the web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: ${image}
`;

const configmap = `---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

describe('manifests over the bridge', () => {
  const b = useBridgeCluster();

  it('places a validation error on the line of its field, then applies the fix', async () => {
    const bad = await b.call('manifest.apply', { clusterId: 'local', yaml: deployment('-1') + configmap });
    assert.equal(bad.ok, false);
    const issue = bad.issues.find((i: any) => i.field === 'spec.replicas');
    assert.ok(issue, JSON.stringify(bad.issues));
    assert.equal(issue.line, 7, 'replicas is on line 7');
    assert.match(bad.outcomes[1].message, /configmap\/settings created/);

    const good = await b.call('manifest.apply', { clusterId: 'local', yaml: deployment('2') + configmap });
    assert.deepEqual(good.issues, []);
    assert.deepEqual(good.outcomes.map((o: any) => o.message), ['deployment.apps/web created', 'configmap/settings unchanged']);
    const live = await b.t.http.json('local', { path: '/apis/apps/v1/namespaces/default/deployments/web' });
    assert.equal(live.spec.replicas, 2);
    assert.ok(live.metadata.managedFields.some((f: any) => f.manager === 'wheelhouse' && f.operation === 'Apply'));
  });

  it('dry-runs without changing anything, and diffs against the live object', async () => {
    const dry = await b.call('manifest.dryRun', { clusterId: 'local', yaml: deployment('5', 'nginx:1.28') });
    assert.deepEqual(dry.outcomes.map((o: any) => o.message), ['deployment.apps/web configured (server dry run)']);
    const live = await b.t.http.json('local', { path: '/apis/apps/v1/namespaces/default/deployments/web' });
    assert.equal(live.spec.replicas, 2);

    const { diffs, issues } = await b.call('manifest.diff', { clusterId: 'local', yaml: deployment('5', 'nginx:1.28') });
    assert.deepEqual(issues, []);
    assert.equal(diffs.length, 1);
    assert.equal(diffs[0].exists, true);
    assert.match(diffs[0].diff, /^-  replicas: 2$/m);
    assert.match(diffs[0].diff, /^\+  replicas: 5$/m);
    assert.match(diffs[0].diff, /^\+ +image: nginx:1\.28$/m);
    assert.ok(!/resourceVersion|managedFields|uid:/.test(diffs[0].diff), 'server fields are left out');
  });

  it('says which documents it cannot use, and where', async () => {
    const yaml = `apiVersion: apps/v1
kind: Fidget
metadata:
  name: x
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: [unclosed
`;
    const r = await b.call('manifest.apply', { clusterId: 'local', yaml });
    assert.equal(r.ok, false);
    assert.deepEqual(r.issues[0], { line: 2, field: 'kind', message: 'no kind Fidget in apps/v1 on this cluster' });
    assert.ok(r.issues[1].line >= 9, JSON.stringify(r.issues[1]));
  });

  it('serves the JSON schema of a kind with references resolved', async () => {
    const schema = await b.call('schema.forKind', { clusterId: 'local', apiVersion: 'apps/v1', kind: 'Deployment' });
    assert.ok(schema);
    assert.equal(schema.properties.spec.properties.replicas.type, 'integer');
    assert.ok(schema.properties.spec.properties.template.properties.spec.properties.containers.items.properties.image);
    assert.equal(await b.call('schema.forKind', { clusterId: 'local', apiVersion: 'apps/v1', kind: 'Fidget' }), null);
  });
});
