// StatefulSets with volumeClaimTemplates and DaemonSets, through real kubectl 1.27–1.33 against
// `wheelhouse cluster start --simulated-nodes 3` (three simulated nodes plus the local one).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ClusterProcess } from './harness';
import { useCluster, kubectlsOrSkip, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), [...SIMULATED_LOCAL_NODES, '--simulated-nodes', '3']);

const statefulSet = `
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  replicas: 3
  serviceName: web
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

const daemonSet = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 2}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: busybox:1.36}]}
`;

const rows = (out: string): string[][] => out.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/));

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version}`, () => {
    const ns = `sd${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
    });

    test('a StatefulSet with volumeClaimTemplates comes up in order with Bound claims', () => {
      assert.match(k.ok(['apply', '-f', '-'], { input: statefulSet }), /statefulset\.apps\/web created/);
      assert.match(k.ok(['apply', '-f', '-'], { input: daemonSet }), /daemonset\.apps\/agent created/);
      assert.match(k.ok(['rollout', 'status', 'statefulset/web', '--timeout=60s']), /roll(ing update|ed out| out) complete|partitioned roll out complete/);
      const pods = JSON.parse(k.ok(['get', 'pods', '-l', 'app=web', '-o', 'json'])).items;
      assert.deepEqual(pods.map((p: { metadata: { name: string } }) => p.metadata.name).sort(), ['web-0', 'web-1', 'web-2']);
      const started = ['web-0', 'web-1', 'web-2'].map((n) => Date.parse(pods.find((p: { metadata: { name: string } }) => p.metadata.name === n).metadata.creationTimestamp));
      assert.ok(started[0]! <= started[1]! && started[1]! <= started[2]!, 'created in ordinal order');
      for (const p of pods) assert.equal(p.status.phase, 'Running');
      const pvc = rows(k.ok(['get', 'pvc']));
      assert.deepEqual(pvc.map((r) => [r[0], r[1]]), [['data-web-0', 'Bound'], ['data-web-1', 'Bound'], ['data-web-2', 'Bound']]);
      assert.match(k.ok(['get', 'statefulset', 'web']), /^web\s+3\/3\s/m);
    });

    test('StatefulSet rollout history and undo (partitioned, so only web-2 rolls)', () => {
      k.ok(['patch', 'statefulset', 'web', '-p', '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}']);
      k.ok(['set', 'image', 'statefulset/web', 'web=nginx:1.28']);
      k.ok(['rollout', 'status', 'statefulset/web', '--timeout=60s']);
      const history = k.ok(['rollout', 'history', 'statefulset/web']);
      assert.match(history, /^1\s+<none>/m);
      assert.match(history, /^2\s+<none>/m);
      assert.match(k.ok(['rollout', 'history', 'statefulset/web', '--revision=1']), /Image:\s+nginx:1\.27/);
      assert.equal(k.ok(['get', 'pod', 'web-2', '-o', 'jsonpath={.spec.containers[0].image}']), 'nginx:1.28');
      assert.equal(k.ok(['get', 'pod', 'web-1', '-o', 'jsonpath={.spec.containers[0].image}']), 'nginx:1.27', 'below the partition');
      assert.match(k.ok(['rollout', 'undo', 'statefulset/web']), /rolled back/);
      k.ok(['rollout', 'status', 'statefulset/web', '--timeout=60s']);
      // rollout status can answer before the controller has replaced web-2; wait for the pod itself.
      const deadline = Date.now() + 30_000;
      let rev = '';
      let podRev = '';
      while (Date.now() < deadline) {
        rev = k.ok(['get', 'statefulset', 'web', '-o', 'jsonpath={.status.updateRevision}']);
        podRev = k.run(['get', 'pod', 'web-2', '-o', 'jsonpath={.metadata.labels.controller-revision-hash}']).stdout;
        if (rev && podRev === rev) break;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      }
      assert.equal(podRev, rev);
      assert.equal(k.ok(['get', 'pod', 'web-2', '-o', 'jsonpath={.spec.containers[0].image}']), 'nginx:1.27');
    });

    test('a DaemonSet runs one pod per node and rolls out', () => {
      const nodes = rows(k.ok(['get', 'nodes'], { namespaced: false })).length;
      assert.ok(nodes >= 4, `expected 3 simulated nodes and the local one, saw ${nodes}`);
      assert.match(k.ok(['rollout', 'status', 'daemonset/agent', '--timeout=60s']), /successfully rolled out/);
      const [row] = rows(k.ok(['get', 'ds', 'agent']));
      assert.deepEqual(row!.slice(0, 6), ['agent', String(nodes), String(nodes), String(nodes), String(nodes), String(nodes)], 'DESIRED CURRENT READY UP-TO-DATE AVAILABLE');
      const placed = rows(k.ok(['get', 'pods', '-l', 'app=agent', '-o', 'wide'])).map((r) => r[6]);
      assert.equal(new Set(placed).size, nodes, 'one pod on every node');
      k.ok(['set', 'image', 'daemonset/agent', 'agent=busybox:1.37']);
      assert.match(k.ok(['rollout', 'status', 'daemonset/agent', '--timeout=60s']), /successfully rolled out/);
      const history = k.ok(['rollout', 'history', 'daemonset/agent']);
      assert.match(history, /^1\s+<none>/m);
      assert.match(history, /^2\s+<none>/m);
    });
  });
}
