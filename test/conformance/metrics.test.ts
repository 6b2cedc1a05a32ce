// metrics.k8s.io through real kubectl 1.27–1.33: `kubectl top` on nodes and pods, label selectors,
// the upstream "not found" wording, and an HPA that scales on the served CPU usage. The cluster
// runs simulated nodes only, whose usage is a steady share of each pod's request; real process
// usage on the local node is covered in the process-runtime suite.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ClusterProcess } from './harness';
import { useCluster, kubectlsOrSkip, eventually } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), ['--nodes', '0', '--simulated-nodes', '2']);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version}`, () => {
    const ns = `m${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    before(async () => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
      k.ok(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']);
      k.ok(['set', 'resources', 'deployment/web', '--requests=cpu=200m,memory=64Mi']);
      await eventually('two web pods Running', () => (k.run(['get', 'pods', '-l', 'app=web']).stdout.match(/Running/g)?.length ?? 0) === 2 && !/Terminating|Pending|ContainerCreating/.test(k.run(['get', 'pods']).stdout), 40_000);
    });

    test('top nodes lists every node with CPU and memory', () => {
      const out = k.ok(['top', 'nodes'], { namespaced: false });
      assert.match(out, /^NAME\s+CPU\(cores\)\s+CPU(%|\(%\))\s+MEMORY\(bytes\)\s+MEMORY(%|\(%\))/);
      assert.match(out, /^sim-0001\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/m);
      assert.match(out, /^sim-0002\s+\d+m/m);
    });

    test('top pods shows each pod\'s usage, within its request, and follows -l', async () => {
      let out = '';
      await eventually('both pods in kubectl top', () => (out = k.run(['top', 'pods']).stdout).match(/^web-\S+\s+\d+m\s+\d+Mi/gm)?.length === 2);
      for (const m of out.matchAll(/^web-\S+\s+(\d+)m\s+(\d+)Mi/gm)) {
        assert.ok(Number(m[1]) > 0 && Number(m[1]) <= 200, `cpu ${m[1]}m within the 200m request`);
        assert.ok(Number(m[2]) > 0 && Number(m[2]) <= 64, `memory ${m[2]}Mi within the 64Mi request`);
      }
      assert.equal(k.ok(['top', 'pods', '-l', 'app=nothing']).includes('web-'), false);
      const containers = k.ok(['top', 'pods', '--containers']);
      assert.match(containers, /^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
      assert.match(containers, /^web-\S+\s+nginx\s+\d+m\s+\d+Mi/m);
    });

    test('top for a pod that is not there says so', () => {
      const err = k.fails(['top', 'pod', 'ghost']);
      assert.match(err, /Error from server \(NotFound\): podmetrics\.metrics\.k8s\.io "ghost" not found/);
    });
  });
}

describe('HorizontalPodAutoscaler on metrics.k8s.io', { skip: kubectls.length === 0 ? 'no kubectl' : false }, () => {
  test('scales a Deployment up when its CPU usage is above the target', async () => {
    const k = new KubectlSession(kubectls[kubectls.length - 1], cluster.kubeconfig, 'hpa');
    k.ok(['create', 'namespace', 'hpa'], { namespaced: false });
    k.ok(['create', 'deployment', 'busy', '--image=nginx', '--replicas=1']);
    k.ok(['set', 'resources', 'deployment/busy', '--requests=cpu=100m']);
    // simulated usage is at least 10 % of the request, so a 5 % target is always exceeded
    k.ok(['autoscale', 'deployment', 'busy', '--cpu-percent=5', '--min=1', '--max=3']);
    await eventually('the HPA to scale busy to 3', () => /3\s*$/m.test(k.run(['get', 'deployment', 'busy', '-o', 'jsonpath={.spec.replicas}']).stdout), 60_000);
    const hpa = JSON.parse(k.ok(['get', 'hpa', 'busy', '-o', 'json']));
    assert.ok(hpa.status.currentMetrics?.[0]?.resource?.current?.averageUtilization > 5, JSON.stringify(hpa.status));
    assert.match(k.ok(['get', 'hpa', 'busy']), /busy\s+Deployment\/busy\s+cpu: \d+%\/5%\s+1\s+3\s+\d+/);
  });
});
