import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../../client/test-support';
import type { ApiClient, Obj } from '../../client';
import { containerEnv, EnvError } from './index';

let api: TestApi;
let admin: ApiClient;

before(async () => {
  api = await startTestApi({ namespaces: ['default', 'apps'] });
  admin = api.client('system:admin');
  await admin.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'apps' }, data: { MODE: 'fast', '9lives': 'x', '1st': 'y', level: '3' } });
  await admin.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw', namespace: 'apps' }, data: { password: Buffer.from('s3cret').toString('base64') } });
  await admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { ports: [{ name: 'https', port: 443, targetPort: 6443 }] } });
  await admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-db', namespace: 'apps' }, spec: { ports: [{ name: 'postgres', port: 5432 }, { name: 'metrics', port: 9187, protocol: 'TCP' }] } });
  await admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'headless', namespace: 'apps' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } });
  await admin.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '3500m', memory: '7Gi' } } });
});
after(() => api.close());

const pod = (container: Obj, extra: Obj = {}): Obj => ({
  metadata: { name: 'web-1', namespace: 'apps', uid: 'u-1', labels: { app: 'web' }, annotations: { team: 'core' } },
  spec: { nodeName: 'n1', serviceAccountName: 'default', containers: [container], ...extra },
});
const envOf = (p: Obj, hostPATH = '/usr/bin:/bin') => containerEnv(p, p.spec.containers[0], { client: admin, podIP: '10.244.0.7', hostIP: '192.168.1.5', hostPATH });

test('values, $(VAR) expansion and every valueFrom kind', async () => {
  const c = {
    name: 'app',
    resources: { limits: { memory: '256Mi' }, requests: { cpu: '250m' } },
    env: [
      { name: 'GREETING', value: 'hello' },
      { name: 'MSG', value: '$(GREETING) from $(POD) at $(MY_DB_SERVICE_HOST), $$(GREETING) $(NOPE)' },
      { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
      { name: 'TEAM', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['team']" } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'SA', valueFrom: { fieldRef: { fieldPath: 'spec.serviceAccountName' } } },
      { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'pw', key: 'password' } } },
      { name: 'OPT', valueFrom: { configMapKeyRef: { name: 'absent', key: 'x', optional: true } } },
      { name: 'MEM_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      { name: 'CPU_REQ_M', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
    ],
  };
  const env = await envOf(pod(c));
  const db = (await admin.get('v1', 'Service', 'apps', 'my-db')).spec.clusterIP;
  assert.equal(env.MSG, `hello from $(POD) at ${db}, $(GREETING) $(NOPE)`, 'POD is defined later, so it is not expanded yet');
  assert.deepEqual(
    [env.POD, env.NS, env.APP, env.TEAM, env.NODE, env.SA, env.IP, env.HOST_IP, env.MODE, env.PASSWORD],
    ['web-1', 'apps', 'web', 'core', 'n1', 'default', '10.244.0.7', '192.168.1.5', 'fast', 's3cret'],
  );
  assert.equal('OPT' in env, false);
  assert.deepEqual([env.MEM_MI, env.CPU_LIMIT, env.CPU_REQ_M], ['256', '4', '250'], 'unset cpu limit is the node allocatable 3500m, rounded up');
  assert.deepEqual([env.PATH, env.HOSTNAME, env.HOME], ['/usr/bin:/bin', 'web-1', '/root']);
});

test('Service variables for the namespace and default/kubernetes; enableServiceLinks false keeps only kubernetes', async () => {
  const db = (await admin.get('v1', 'Service', 'apps', 'my-db')).spec.clusterIP;
  const k8s = (await admin.get('v1', 'Service', 'default', 'kubernetes')).spec.clusterIP;
  const env = await envOf(pod({ name: 'app' }));
  assert.equal(env.MY_DB_SERVICE_HOST, db);
  assert.equal(env.MY_DB_SERVICE_PORT, '5432');
  assert.deepEqual([env.MY_DB_SERVICE_PORT_POSTGRES, env.MY_DB_SERVICE_PORT_METRICS], ['5432', '9187']);
  assert.equal(env.MY_DB_PORT, `tcp://${db}:5432`);
  assert.equal(env.MY_DB_PORT_9187_TCP, `tcp://${db}:9187`);
  assert.deepEqual([env.MY_DB_PORT_5432_TCP_PROTO, env.MY_DB_PORT_5432_TCP_PORT, env.MY_DB_PORT_5432_TCP_ADDR], ['tcp', '5432', db]);
  assert.equal(env.KUBERNETES_SERVICE_HOST, k8s);
  assert.equal(env.KUBERNETES_SERVICE_PORT_HTTPS, '443');
  assert.equal(Object.keys(env).some((k) => k.startsWith('HEADLESS')), false, 'a headless Service has no variables');
  const noLinks = await envOf(pod({ name: 'app' }, { enableServiceLinks: false }));
  assert.equal(noLinks.MY_DB_SERVICE_HOST, undefined);
  assert.equal(noLinks.KUBERNETES_SERVICE_HOST, k8s);
  const own = await envOf(pod({ name: 'app', env: [{ name: 'MY_DB_SERVICE_HOST', value: 'mine' }] }));
  assert.equal(own.MY_DB_SERVICE_HOST, 'mine', 'the pod’s own variable wins');
});

test('envFrom with prefix skips invalid names and says so; secretRef decodes', async () => {
  const warnings: string[] = [];
  const p = pod({ name: 'app', envFrom: [{ configMapRef: { name: 'cfg' } }, { prefix: 'S_', secretRef: { name: 'pw' } }, { configMapRef: { name: 'gone', optional: true } }], env: [{ name: 'MODE', value: 'override' }] });
  const env = await containerEnv(p, p.spec.containers[0], { client: admin, podIP: '10.244.0.7', hostIP: '1.2.3.4', warn: (r, m) => warnings.push(`${r}: ${m}`) });
  assert.deepEqual([env.MODE, env.level, env.S_password], ['override', '3', 's3cret']);
  assert.equal(env['9lives'], undefined);
  assert.deepEqual(warnings, ['InvalidEnvironmentVariableNames: Keys [1st, 9lives] from the EnvFrom configMap apps/cfg were skipped since they are considered invalid environment variable names.']);
});

test('missing references fail with upstream wording and CreateContainerConfigError', async () => {
  const cases: [Obj, string][] = [
    [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }, 'configmap "nope" not found'],
    [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }, "couldn't find key k in ConfigMap apps/cfg"],
    [{ name: 'X', valueFrom: { secretKeyRef: { name: 'pw', key: 'user' } } }, "couldn't find key user in Secret apps/pw"],
    [{ name: 'X', valueFrom: { secretKeyRef: { name: 'nope' , key: 'k' } } }, 'secret "nope" not found'],
  ];
  for (const [v, message] of cases) {
    await assert.rejects(envOf(pod({ name: 'app', env: [v] })), (err: unknown) => err instanceof EnvError && err.reason === 'CreateContainerConfigError' && err.message === message, message);
  }
  await assert.rejects(envOf(pod({ name: 'app', envFrom: [{ secretRef: { name: 'nope' } }] })), /secret "nope" not found/);
  assert.equal((await envOf(pod({ name: 'app', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'pw', key: 'user', optional: true } } }] }))).X, undefined);
});
