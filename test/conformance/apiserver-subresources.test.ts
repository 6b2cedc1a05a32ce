// The API server's subresources and allocators with real kubectl 1.27–1.33: Service cluster IPs and
// node ports, `kubectl create token` and `--token`, `kubectl auth can-i` (with --as), PriorityClasses,
// and evictions that honour PodDisruptionBudgets (`kubectl drain`).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ClusterProcess } from './harness';
import { useCluster, kubectlsOrSkip, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), SIMULATED_LOCAL_NODES);

const json = (o: unknown): string => JSON.stringify(o);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version}`, () => {
    const minor = kubectl.version.split('.')[1]!;
    const ns = `sub${minor}`;
    let k: KubectlSession;
    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
    });

    test('get svc shows an allocated ClusterIP, the kubernetes Service, and refuses a taken IP', () => {
      assert.match(k.ok(['get', 'svc', 'kubernetes', '-n', 'default'], { namespaced: false }), /^kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/m);
      k.ok(['create', 'service', 'clusterip', 'web', '--tcp=80:8080']);
      assert.match(k.ok(['get', 'svc', 'web']), /^web\s+ClusterIP\s+10\.(9[6-9]|10\d|11[01])\.\d+\.\d+\s+<none>\s+80\/TCP/m);
      const ip = `10.96.200.${minor}`;
      k.ok(['create', 'service', 'clusterip', 'fixed', '--tcp=80', `--clusterip=${ip}`]);
      assert.equal(k.ok(['get', 'svc', 'fixed', '-o', 'jsonpath={.spec.clusterIP}']), ip);
      const err = k.fails(['create', 'service', 'clusterip', 'clash', '--tcp=80', `--clusterip=${ip}`]);
      assert.match(err, new RegExp(`spec\\.clusterIPs: Invalid value: \\["${ip.replaceAll('.', '\\.')}"\\]: failed to allocate IP ${ip.replaceAll('.', '\\.')}: provided IP is already allocated`));
      k.ok(['create', 'service', 'clusterip', 'headless', '--clusterip=None']);
      assert.match(k.ok(['get', 'svc', 'headless']), /^headless\s+ClusterIP\s+None\s/m);
    });

    test('NodePort Services get a node port; a taken one is refused', () => {
      k.ok(['create', 'service', 'nodeport', 'np', '--tcp=80:8080']);
      assert.match(k.ok(['get', 'svc', 'np']), /^np\s+NodePort\s+10\.\S+\s+<none>\s+80:3\d{4}\/TCP/m);
      const port = 31000 + Number(minor);
      k.ok(['create', 'service', 'nodeport', 'np-fixed', '--tcp=80:8080', `--node-port=${port}`]);
      assert.match(k.fails(['create', 'service', 'nodeport', 'np-clash', '--tcp=80:8080', `--node-port=${port}`]), new RegExp(`spec\\.ports\\[0\\]\\.nodePort: Invalid value: ${port}: provided port is already allocated`));
    });

    test('create token gives a token kubectl can use, answered per RBAC', () => {
      k.ok(['create', 'serviceaccount', 'robot']);
      const token = k.ok(['create', 'token', 'robot']).trim();
      assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
      const asRobot = ['--token', token];
      assert.equal(k.run([...asRobot, 'auth', 'can-i', 'list', 'pods']).stdout.trim(), 'no');
      k.ok(['create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods']);
      k.ok(['create', 'rolebinding', 'robot-reads', '--role=pod-reader', `--serviceaccount=${ns}:robot`]);
      assert.equal(k.ok([...asRobot, 'auth', 'can-i', 'list', 'pods']).trim(), 'yes');
      k.ok([...asRobot, 'get', 'pods']);
      assert.match(k.fails(['--token', 'not-a-token', 'get', 'pods']), /Unauthorized|You must be logged in/);
    });

    test('auth can-i answers yes for the admin and per RBAC for an impersonated service account', () => {
      assert.equal(k.ok(['auth', 'can-i', 'create', 'deployments']).trim(), 'yes');
      const sa = `system:serviceaccount:${ns}:default`;
      assert.equal(k.run(['auth', 'can-i', '--as', sa, 'get', 'pods']).stdout.trim(), 'no');
      k.ok(['create', 'clusterrole', `view-${ns}`, '--verb=get', '--resource=pods']);
      k.ok(['create', 'rolebinding', 'default-views', `--clusterrole=view-${ns}`, `--serviceaccount=${ns}:default`]);
      assert.equal(k.ok(['auth', 'can-i', '--as', sa, 'get', 'pods']).trim(), 'yes');
      assert.equal(k.run(['auth', 'can-i', '--as', sa, 'delete', 'pods']).stdout.trim(), 'no');
      assert.match(k.ok(['auth', 'can-i', '--list', '--as', sa]), /^pods\s+\[\]\s+\[\]\s+\[get\]/m);
    });

    test('create priorityclass; pods get its priority', () => {
      const name = `high-${minor}`;
      assert.match(k.ok(['create', 'priorityclass', name, '--value=1000', '--description=important'], { namespaced: false }), new RegExp(`priorityclass.scheduling.k8s.io/${name} created`));
      const table = k.ok(['get', 'priorityclass'], { namespaced: false });
      assert.match(table.split('\n')[0]!, /^NAME\s+VALUE\s+GLOBAL-DEFAULT\s+AGE(\s+PREEMPTIONPOLICY)?$/);
      assert.match(table, /^system-node-critical\s+2000001000\s+false\s/m);
      assert.match(table, new RegExp(`^${name}\\s+1000\\s+false\\s`, 'm'));
      k.ok(['run', 'prio', '--image=nginx', `--overrides=${json({ spec: { priorityClassName: name } })}`]);
      assert.equal(k.ok(['get', 'pod', 'prio', '-o', 'jsonpath={.spec.priority}']), '1000');
      assert.match(k.fails(['run', 'noprio', '--image=nginx', `--overrides=${json({ spec: { priorityClassName: 'missing' } })}`]), /no PriorityClass with name missing was found/);
    });

    test('eviction honours a PodDisruptionBudget: drain is refused, then succeeds without it', () => {
      const node = `drain-${minor}`;
      k.ok(['apply', '-f', '-'], { namespaced: false, input: json({ apiVersion: 'v1', kind: 'Node', metadata: { name: node, labels: { 'kubernetes.io/hostname': node } } }) });
      // a scheduler nobody runs, so the test binds the pod itself through pods/binding
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'guarded', labels: { app: 'guarded' } }, spec: { schedulerName: 'by-hand', terminationGracePeriodSeconds: 0, containers: [{ name: 'c', image: 'nginx' }] } };
      k.ok(['apply', '-f', '-'], { input: json(pod) });
      const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'guarded' }, target: { apiVersion: 'v1', kind: 'Node', name: node } };
      k.ok(['create', '--raw', `/api/v1/namespaces/${ns}/pods/guarded/binding`, '-f', '-'], { namespaced: false, input: json(binding) });
      assert.match(k.fails(['create', '--raw', `/api/v1/namespaces/${ns}/pods/guarded/binding`, '-f', '-'], { namespaced: false, input: json(binding) }), new RegExp(`pod guarded is already assigned to node "${node}"`));
      assert.equal(k.ok(['get', 'pod', 'guarded', '-o', 'jsonpath={.spec.nodeName}']), node);
      const running = { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
      k.ok(['patch', 'pod', 'guarded', '--subresource=status', '--type=merge', '-p', json(running)]);
      k.ok(['create', 'poddisruptionbudget', 'keep-one', '--selector=app=guarded', '--min-available=1']);
      const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'guarded', namespace: ns } };
      const refused = k.fails(['create', '--raw', `/api/v1/namespaces/${ns}/pods/guarded/eviction`, '-f', '-'], { namespaced: false, input: json(eviction) });
      assert.match(refused, /TooManyRequests|Too Many Requests|disruption budget/);
      const drain = k.fails(['drain', node, '--ignore-daemonsets', '--force', '--timeout=3s'], { namespaced: false });
      assert.match(drain, /Cannot evict pod as it would violate the pod's disruption budget/);
      assert.equal(k.ok(['get', 'pod', 'guarded', '-o', 'name']).trim(), 'pod/guarded', 'the guarded pod stays');
      k.ok(['delete', 'poddisruptionbudget', 'keep-one']);
      const drained = k.ok(['drain', node, '--ignore-daemonsets', '--force', '--timeout=20s'], { namespaced: false });
      assert.match(drained, new RegExp(`node/${node} drained`));
      assert.match(k.ok(['get', 'pods', '-o', 'name']), /^(?![\s\S]*pod\/guarded)/);
    });
  });
}
