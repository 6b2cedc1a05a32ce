// Deployments rolled out, scaled, rolled back, restarted, paused and deleted with every installed
// kubectl 1.27–1.33, against a real `wheelhouse cluster start` (controllers, scheduler, simulated nodes).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ClusterProcess } from './harness';
import { useCluster, eventually, kubectlsOrSkip, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), SIMULATED_LOCAL_NODES);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version} rollout`, () => {
    const ns = `r${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    const status = (): string => k.ok(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    const revisions = (): string[] => [...k.ok(['rollout', 'history', 'deployment/web']).matchAll(/^(\d+)\s+/gm)].map((m) => m[1]!);
    const image = (): string => k.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    // Terminating pods linger for their grace period; only live ones count.
    const podImages = (): string[] =>
      JSON.parse(k.ok(['get', 'pods', '-o', 'json'])).items.filter((p: any) => !p.metadata.deletionTimestamp).map((p: any) => p.spec.containers[0].image);
    // The whole story on the oldest and newest kubectl; the core of it on the others, to stay quick.
    const full = kubectl === kubectls[0] || kubectl === kubectls[kubectls.length - 1];
    // Each rollout step waits for pods to start on the simulated nodes: fewer replicas, fewer steps.
    const replicas = full ? 3 : 1;

    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
    });

    test('create deployment rolls out', () => {
      assert.match(k.ok(['create', 'deployment', 'web', '--image=nginx', `--replicas=${replicas}`]), /deployment\.apps\/web created/);
      assert.match(status(), /deployment "web" successfully rolled out/);
      assert.match(k.ok(['get', 'deployment', 'web']), new RegExp(`^web\\s+${replicas}/${replicas}\\s+${replicas}\\s+${replicas}\\s+`, 'm'));
      assert.match(k.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.metadata.annotations}']), /"deployment.kubernetes.io\/revision":"1"/);
      const rs = k.ok(['get', 'rs', '-o', 'name']).trim();
      assert.match(rs, /^replicaset\.apps\/web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
      assert.match(k.ok(['get', 'pods']), /^web-[bcdfghjklmnpqrstvwxz2456789]+-[a-z0-9]{5}\s+1\/1\s+Running/m);
    });

    test('scale', { skip: !full && 'covered by the oldest and newest kubectl' }, () => {
      assert.match(k.ok(['scale', 'deployment/web', '--replicas=5']), /deployment\.apps\/web scaled/);
      assert.match(status(), /successfully rolled out/);
      assert.match(k.ok(['get', 'deployment', 'web']), /^web\s+5\/5\s+5\s+5\s+/m);
    });

    test('set image rolls out a second revision', () => {
      assert.match(k.ok(['set', 'image', 'deployment/web', 'nginx=nginx:1.28']), /image updated/);
      const out = status();
      assert.match(out, /Waiting for deployment "web" rollout to finish/);
      assert.match(out, /deployment "web" successfully rolled out/);
      assert.deepEqual(revisions(), ['1', '2']);
      assert.ok(podImages().includes('nginx:1.28'));
      assert.match(k.ok(['describe', 'deployment', 'web']), /ScalingReplicaSet\s+.*Scaled up replica set web-\S+ to \d+ from \d+/);
    });

    test('undo --to-revision=1, then undo', () => {
      assert.match(k.ok(['rollout', 'undo', 'deployment/web', '--to-revision=1']), /rolled back/);
      assert.match(status(), /successfully rolled out/);
      assert.equal(image(), 'nginx');
      assert.deepEqual(revisions(), ['2', '3']);
      assert.match(k.ok(['rollout', 'undo', 'deployment/web']), /rolled back/);
      assert.match(status(), /successfully rolled out/);
      assert.equal(image(), 'nginx:1.28');
      assert.deepEqual(revisions(), ['3', '4']);
      assert.equal(k.ok(['get', 'rs', '-o', 'name']).trim().split('\n').length, 2, 'a rollback reuses the old ReplicaSet');
    });

    test('restart', { skip: !full && 'covered by the oldest and newest kubectl' }, () => {
      assert.match(k.ok(['rollout', 'restart', 'deployment/web']), /restarted/);
      assert.match(status(), /successfully rolled out/);
      assert.deepEqual(revisions(), ['3', '4', '5']);
      assert.match(k.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations}']), /kubectl.kubernetes.io\/restartedAt/);
    });

    test('pause holds a template change until resume', { skip: !full && 'covered by the oldest and newest kubectl' }, async () => {
      assert.match(k.ok(['rollout', 'pause', 'deployment/web']), /paused/);
      k.ok(['set', 'image', 'deployment/web', 'nginx=nginx:1.29']);
      await eventually('the Progressing condition to say DeploymentPaused', () => k.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}']) === 'DeploymentPaused');
      assert.equal(k.ok(['get', 'rs', '-o', 'name']).trim().split('\n').length, 3, 'no new ReplicaSet while paused');
      assert.ok(!podImages().includes('nginx:1.29'));
      assert.match(k.ok(['rollout', 'resume', 'deployment/web']), /resumed/);
      assert.match(status(), /successfully rolled out/);
      await eventually('old pods to finish terminating', () => podImages().every((i) => i === 'nginx:1.29'));
    });

    test('rollout status fails once a stuck rollout passes its progress deadline', { skip: !full && 'covered by the oldest and newest kubectl' }, () => {
      // Pods of this template take a minute to start on the simulated nodes: the rollout stalls.
      const slow = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'stuck' }, spec: { replicas: 1, progressDeadlineSeconds: 2, selector: { matchLabels: { app: 'stuck' } }, template: { metadata: { labels: { app: 'stuck' }, annotations: { 'wheelhouse.dev/simulate-start-seconds': '60' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };
      k.ok(['apply', '-f', '-'], { input: JSON.stringify(slow) });
      const r = k.run(['rollout', 'status', 'deployment/stuck', '--timeout=30s']);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /deployment "stuck" exceeded its progress deadline/);
      assert.equal(k.ok(['get', 'deployment', 'stuck', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}']), 'ProgressDeadlineExceeded');
      k.ok(['delete', 'deployment', 'stuck']);
    });

    test('delete deployment cascades to its ReplicaSets and pods', async () => {
      assert.match(k.ok(['delete', 'deployment', 'web']), /deployment\.apps "web" deleted/);
      await eventually('ReplicaSets and pods to go', () => k.ok(['get', 'rs,pods', '-o', 'name']).trim() === '', 30_000);
    });
  });
}
