// Imperative kubectl commands against a real `wheelhouse cluster start`, with every installed
// kubectl: 1.32+ send these bodies as application/vnd.kubernetes.protobuf, older ones as JSON.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { installedKubectls, type ClusterProcess } from './harness';
import { useCluster, SIMULATED_LOCAL_NODES } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = installedKubectls();
let cluster: ClusterProcess;

useCluster((c) => (cluster = c), SIMULATED_LOCAL_NODES);

const minor = (version: string): number => Number(version.split('.')[1]);

for (const kubectl of kubectls) {
  describe(`kubectl ${kubectl.version} imperative commands`, () => {
    const ns = `imp${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    const yaml = (...what: string[]): any => parse(k.ok(['get', ...what, '-o', 'yaml']));

    before(() => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
    });

    test('create namespace', () => {
      assert.match(k.ok(['create', 'namespace', ns], { namespaced: false }), new RegExp(`namespace/${ns} created`));
      assert.equal(yaml('namespace', ns).status.phase, 'Active');
    });

    test('create configmap --from-literal', () => {
      const r = k.run(['create', 'configmap', 'settings', '--from-literal=mode=prod', '--from-literal=empty=', '-v=8']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /configmap\/settings created/);
      if (minor(kubectl.version) >= 32) assert.match(r.stderr, /Content-Type: application\/vnd\.kubernetes\.protobuf/, 'the body went as protobuf');
      assert.deepEqual(yaml('configmap', 'settings').data, { mode: 'prod', empty: '' });
    });

    test('create secret generic --from-literal', () => {
      assert.match(k.ok(['create', 'secret', 'generic', 'creds', '--from-literal=password=hunter2']), /secret\/creds created/);
      const s = yaml('secret', 'creds');
      assert.equal(s.type, 'Opaque');
      assert.equal(Buffer.from(s.data.password, 'base64').toString(), 'hunter2');
    });

    test('create deployment --image --replicas --port, and --replicas=0 stays 0', () => {
      assert.match(k.ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=80']), /deployment\.apps\/web created/);
      const d = yaml('deployment', 'web');
      assert.equal(d.spec.replicas, 3);
      assert.deepEqual(d.spec.selector.matchLabels, { app: 'web' });
      const c = d.spec.template.spec.containers[0];
      assert.equal(c.image, 'nginx:1.27');
      assert.deepEqual(c.ports, [{ containerPort: 80, protocol: 'TCP' }]);
      assert.equal(d.spec.strategy.rollingUpdate.maxSurge, '25%', 'defaults still apply');
      assert.match(k.ok(['create', 'deployment', 'idle', '--image=nginx', '--replicas=0']), /deployment\.apps\/idle created/);
      assert.equal(yaml('deployment', 'idle').spec.replicas, 0);
    });

    test('create job --image -- command', () => {
      assert.match(k.ok(['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi']), /job\.batch\/once created/);
      const spec = yaml('job', 'once').spec.template.spec;
      assert.deepEqual(spec.containers[0].command, ['echo', 'hi']);
      assert.equal(spec.restartPolicy, 'Never');
    });

    test('create cronjob --schedule', () => {
      assert.match(k.ok(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date']), /cronjob\.batch\/tick created/);
      const cj = yaml('cronjob', 'tick');
      assert.equal(cj.spec.schedule, '*/5 * * * *');
      assert.deepEqual(cj.spec.jobTemplate.spec.template.spec.containers[0].command, ['date']);
    });

    test('create service clusterip --tcp', () => {
      assert.match(k.ok(['create', 'service', 'clusterip', 'api', '--tcp=80:8080']), /service\/api created/);
      const svc = yaml('service', 'api');
      assert.equal(svc.spec.type, 'ClusterIP');
      assert.deepEqual(svc.spec.ports.map((p: any) => [p.port, p.targetPort, p.protocol]), [[80, 8080, 'TCP']]);
      assert.deepEqual(svc.spec.selector, { app: 'api' });
    });

    test('create serviceaccount, role and rolebinding', () => {
      assert.match(k.ok(['create', 'serviceaccount', 'robot']), /serviceaccount\/robot created/);
      assert.match(k.ok(['create', 'role', 'reader', '--verb=get,list', '--resource=pods']), /role\.rbac\.authorization\.k8s\.io\/reader created/);
      assert.deepEqual(yaml('role', 'reader').rules, [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]);
      assert.match(k.ok(['create', 'rolebinding', 'robot-reads', '--role=reader', `--serviceaccount=${ns}:robot`]), /rolebinding\.rbac\.authorization\.k8s\.io\/robot-reads created/);
      const rb = yaml('rolebinding', 'robot-reads');
      assert.deepEqual(rb.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' });
      assert.deepEqual(rb.subjects.map((x: any) => [x.kind, x.name, x.namespace]), [['ServiceAccount', 'robot', ns]]);
    });

    test('run a pod with a port, env and labels', () => {
      assert.match(k.ok(['run', 'solo', '--image=nginx:1.27', '--port=8080', '--env=MODE=test', '--labels=app=solo,tier=x']), /pod\/solo created/);
      const pod = yaml('pod', 'solo');
      assert.deepEqual(pod.metadata.labels, { app: 'solo', tier: 'x' });
      const c = pod.spec.containers[0];
      assert.equal(c.image, 'nginx:1.27');
      assert.deepEqual(c.env, [{ name: 'MODE', value: 'test' }]);
      assert.equal(c.ports[0].containerPort, 8080);
    });

    test('expose deployment', () => {
      assert.match(k.ok(['expose', 'deployment', 'web', '--port=8081', '--target-port=80', '--name=web-svc']), /service\/web-svc exposed/);
      const svc = yaml('service', 'web-svc');
      assert.deepEqual(svc.spec.selector, { app: 'web' });
      assert.equal(svc.spec.ports[0].port, 8081);
      assert.equal(svc.spec.ports[0].targetPort, 80);
    });
  });
}
