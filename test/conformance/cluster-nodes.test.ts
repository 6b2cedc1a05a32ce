// Nodes, node agents and what runs on them, through real kubectl 1.27–1.33 against
// `wheelhouse cluster start --simulated-nodes 3 --zones a,b` (one local node + three simulated).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ClusterProcess } from './harness';
import { useCluster, kubectlsOrSkip, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), [...SIMULATED_LOCAL_NODES, '--simulated-nodes', '3', '--zones', 'a,b']);

/** retries `check` every 200 ms until it stops throwing, for up to `ms` */
async function eventually<T>(check: () => T, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version}`, () => {
    const ns = `n${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
    });

    test('get nodes: four Ready nodes, the local one a control-plane, zones as labels', async () => {
      const wide = await eventually(() => {
        const out = k.ok(['get', 'nodes', '-o', 'wide'], { namespaced: false });
        assert.equal(out.match(/ Ready /g)?.length, 4, out);
        return out;
      });
      assert.match(wide, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/);
      assert.match(wide, /Ready\s+control-plane\s+\S+\s+v1\.33\.0-wheelhouse/);
      assert.match(wide, /sim-0001\s+Ready\s+<none>\s+\S+\s+v1\.33\.0-wheelhouse\s+[\d.]+\s+<none>.*wheelhouse-simulated:\/\/1\.0/);
      const zones = k.ok(['get', 'nodes', '-l', 'wheelhouse.dev/simulated=true', '-L', 'topology.kubernetes.io/zone'], { namespaced: false });
      assert.match(zones, /sim-0001 .*\ba\s*$/m);
      assert.match(zones, /sim-0002 .*\bb\s*$/m);
      const node = JSON.parse(k.ok(['get', 'node', 'sim-0003', '-o', 'json'], { namespaced: false }));
      assert.deepEqual(Object.keys(node.status.capacity).sort(), ['cpu', 'ephemeral-storage', 'memory', 'pods']);
      assert.equal(node.status.conditions.find((c: { type: string }) => c.type === 'Ready').reason, 'KubeletReady');
    });

    test('a Deployment\'s pods run on the nodes, Ready, with pod IPs', async () => {
      k.ok(['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=8080']);
      const pods = await eventually(() => {
        const out = k.ok(['get', 'pods', '-o', 'wide', '-l', 'app=web']);
        assert.equal(out.match(/1\/1\s+Running/g)?.length, 3, out);
        return out;
      });
      assert.match(pods, /10\.24\d\.\d+\.\d+\s+(sim-\d{4}|\S+)/);
      k.ok(['rollout', 'status', 'deployment/web', '--timeout=30s']);
    });

    test('Service endpoints and endpoint slices list the ready pods', async () => {
      k.ok(['expose', 'deployment', 'web', '--port=80', '--target-port=8080']);
      await eventually(() => assert.equal(k.ok(['get', 'endpoints', 'web']).match(/10\.24\d\.\d+\.\d+:8080/g)?.length, 3));
      const slices = k.ok(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=web']);
      assert.match(slices, /^web-\S+\s+IPv4\s+8080\s+10\.24\d/m);
    });

    test('cordon, taint and uncordon a node', async () => {
      const node = 'sim-0003';
      assert.match(k.ok(['cordon', node], { namespaced: false }), /cordoned/);
      assert.match(k.ok(['get', 'node', node], { namespaced: false }), /Ready,SchedulingDisabled/);
      assert.match(k.ok(['uncordon', node], { namespaced: false }), /uncordoned/);
      const key = `team-${ns}`;
      assert.match(k.ok(['taint', 'nodes', node, `${key}=x:NoSchedule`], { namespaced: false }), /tainted/);
      assert.match(k.ok(['describe', 'node', node], { namespaced: false }), new RegExp(`${key}=x:NoSchedule`));
      assert.match(k.ok(['taint', 'nodes', node, `${key}-`], { namespaced: false }), /untainted/);
    });

    test('a pod no node fits stays Pending, and describe says why', async () => {
      k.ok(['run', 'nowhere', '--image=nginx', '--overrides={"spec":{"nodeSelector":{"disk":"ssd"}}}']);
      const described = await eventually(() => {
        const out = k.ok(['describe', 'pod', 'nowhere']);
        assert.match(out, /FailedScheduling/);
        return out;
      });
      assert.match(described, /Status:\s+Pending/);
      assert.match(described, /0\/4 nodes are available: 4 node\(s\) didn't match Pod's node affinity\/selector/);
    });

    test('a finished pod is Completed; deleting a pod removes it', async () => {
      k.ok(['run', 'once', '--image=busybox', '--restart=Never', '--', 'true']);
      await eventually(() => assert.match(k.ok(['get', 'pod', 'once']), /0\/1\s+Completed/));
      assert.match(k.ok(['delete', 'pod', 'once', '--wait=true', '--timeout=20s']), /deleted/);
      assert.match(k.fails(['get', 'pod', 'once']), /NotFound/);
    });

    test('componentstatuses answer, with the deprecation warning', () => {
      const r = k.run(['get', 'componentstatuses'], { namespaced: false });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /scheduler\s+Healthy\s+ok/);
      assert.match(r.stdout, /controller-manager\s+Healthy\s+ok/);
      assert.match(r.stdout, /etcd-0\s+Healthy/);
      assert.match(r.stderr, /v1 ComponentStatus is deprecated in v1\.19\+/);
    });

    test('kube-system shows the control plane as mirror pods on the local node', async () => {
      const out = await eventually(() => {
        const o = k.ok(['get', 'pods', '-n', 'kube-system', '-l', 'tier=control-plane'], { namespaced: false });
        assert.equal(o.match(/1\/1\s+Running/g)?.length, 4, o);
        return o;
      });
      for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) assert.match(out, new RegExp(`^${c}-\\S+\\s+1/1\\s+Running`, 'm'));
    });
  });
}
