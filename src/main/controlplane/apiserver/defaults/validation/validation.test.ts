import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invalid } from '../../../../../shared/k8s/status';
import { createKindStrategy } from '../index';
import { resourceOf } from '../test-support';

const strategy = createKindStrategy();

/** create-time message as kubectl prints it, after defaulting */
function createError(group: string, kind: string, obj: Record<string, any>): string {
  const r = resourceOf(group, kind);
  strategy.applyDefaults(r, obj);
  const causes = strategy.validate(r, obj);
  return causes.length === 0 ? '' : invalid(kind, group, obj.metadata?.name ?? '', causes).message;
}

const deployment = (over: Record<string, any> = {}) => ({
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...over },
});

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

test('names: required, DNS-1123 subdomain, DNS-1123 label for namespaces, DNS-1035 for services', () => {
  assert.equal(createError('', 'ConfigMap', { metadata: {} }), 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
  assert.equal(createError('', 'ConfigMap', { metadata: { generateName: 'cfg-' } }), '');
  assert.equal(createError('', 'ConfigMap', { metadata: { name: 'My_Config' } }), `ConfigMap "My_Config" is invalid: metadata.name: Invalid value: "My_Config": ${SUBDOMAIN_MSG}`);
  assert.equal(
    createError('', 'Namespace', { metadata: { name: 'a.b' } }),
    `Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
  );
  assert.match(createError('', 'Service', { metadata: { name: '1svc' }, spec: { ports: [{ port: 80 }] } }), /metadata.name: Invalid value: "1svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character/);
  const long = 'a'.repeat(254);
  assert.equal(createError('', 'ConfigMap', { metadata: { name: long } }), `ConfigMap "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 253 characters`);
});

test('labels and annotations', () => {
  const msg = createError('', 'ConfigMap', { metadata: { name: 'c', labels: { app: 'x'.repeat(64) } } });
  assert.equal(msg, `ConfigMap "c" is invalid: metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`);
  assert.match(createError('', 'ConfigMap', { metadata: { name: 'c', labels: { 'bad key!': 'v' } } }), /metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters/);
  assert.equal(
    createError('', 'ConfigMap', { metadata: { name: 'c', annotations: { big: 'x'.repeat(256 * 1024) } } }),
    'ConfigMap "c" is invalid: metadata.annotations: Too long: must have at most 262144 bytes',
  );
});

test('deployments: selector must match the template, replicas non-negative', () => {
  assert.equal(
    createError('apps', 'Deployment', deployment({ template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } })),
    'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
  );
  assert.equal(createError('apps', 'Deployment', deployment({ replicas: -1 })), 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  const noSelector = deployment();
  delete (noSelector.spec as any).selector;
  assert.equal(createError('apps', 'Deployment', noSelector), 'Deployment.apps "web" is invalid: spec.selector: Required value');
  assert.match(
    createError('apps', 'Deployment', deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] } } })),
    /spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"/,
  );
  assert.equal(createError('apps', 'Deployment', deployment()), '');
});

test('selectors are immutable on update', () => {
  const r = resourceOf('apps', 'Deployment');
  const old: Record<string, any> = deployment();
  strategy.applyDefaults(r, old);
  const next = structuredClone(old);
  next.spec.selector = { matchLabels: { app: 'web', tier: 'x' } };
  next.spec.template.metadata.labels.tier = 'x';
  const causes = strategy.validate(r, next, old);
  assert.deepEqual(causes.map((c) => `${c.field}: ${c.message}`), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  ]);
});

test('pods: containers required, names unique, image required, restart policy enum', () => {
  assert.equal(createError('', 'Pod', { metadata: { name: 'p' }, spec: { containers: [] } }), 'Pod "p" is invalid: spec.containers: Required value');
  assert.equal(
    createError('', 'Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] } }),
    'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "a"',
  );
  assert.equal(createError('', 'Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }] } }), 'Pod "p" is invalid: spec.containers[0].image: Required value');
  assert.equal(
    createError('', 'Pod', { metadata: { name: 'p' }, spec: { restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }] } }),
    'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  );
  assert.match(
    createError('', 'Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }] } }),
    /spec.containers\[0\].ports\[0\].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive/,
  );
});

test('pod spec is mostly immutable; the image may change', () => {
  const r = resourceOf('', 'Pod');
  const old = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'nginx:1' }] } };
  strategy.applyDefaults(r, old);
  const newImage = structuredClone(old);
  newImage.spec.containers[0].image = 'nginx:2';
  assert.deepEqual(strategy.validate(r, newImage, old), []);
  const newPolicy = structuredClone(old);
  (newPolicy.spec as any).restartPolicy = 'Never';
  const [cause] = strategy.validate(r, newPolicy, old);
  assert.equal(cause.field, 'spec');
  assert.match(cause.message ?? '', /^Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`/);
});

test('services: ports, node port range, ExternalName', () => {
  assert.equal(createError('', 'Service', { metadata: { name: 's' }, spec: {} }), 'Service "s" is invalid: spec.ports: Required value');
  assert.equal(createError('', 'Service', { metadata: { name: 's' }, spec: { clusterIP: 'None' } }), '');
  assert.equal(createError('', 'Service', { metadata: { name: 's' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } }), '');
  assert.equal(createError('', 'Service', { metadata: { name: 's' }, spec: { ports: [{ port: 0 }] } }), 'Service "s" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]');
  assert.equal(
    createError('', 'Service', { metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] } }),
    'Service "s" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
  );
  assert.equal(
    createError('', 'Service', { metadata: { name: 's' }, spec: { ports: [{ port: 80 }, { port: 81 }] } }),
    'Service "s" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
  );
});

test('jobs: restart policy OnFailure or Never; selector generated from the uid', () => {
  const job = (restartPolicy?: string) => ({ metadata: { name: 'pi', uid: 'u-1' }, spec: { template: { spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'pi', image: 'perl' }] } } } });
  assert.equal(createError('batch', 'Job', job()), 'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  const ok = job('Never');
  assert.equal(createError('batch', 'Job', ok), '');
  assert.deepEqual((ok.spec as any).selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
  assert.deepEqual((ok.spec.template as any).metadata.labels, {
    'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi',
  });
});

test('cronjobs: schedule syntax and time zone', () => {
  const cj = (schedule: string, timeZone?: string) => ({
    metadata: { name: 'c' },
    spec: { schedule, ...(timeZone ? { timeZone } : {}), jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } },
  });
  assert.equal(createError('batch', 'CronJob', cj('*/5 * * * *')), '');
  assert.equal(createError('batch', 'CronJob', cj('@hourly')), '');
  assert.equal(createError('batch', 'CronJob', cj('0 9 * * MON-FRI', 'Europe/Paris')), '');
  assert.equal(createError('batch', 'CronJob', cj('* * * *')), 'CronJob.batch "c" is invalid: spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]');
  assert.equal(createError('batch', 'CronJob', cj('61 * * * *')), 'CronJob.batch "c" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61');
  assert.equal(createError('batch', 'CronJob', cj('* * * * *', 'Mars/Base')), 'CronJob.batch "c" is invalid: spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base');
  assert.equal(createError('batch', 'CronJob', cj('TZ=UTC * * * * *')), 'CronJob.batch "c" is invalid: spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
});

test('configmaps and secrets: keys and size', () => {
  assert.match(createError('', 'ConfigMap', { metadata: { name: 'c' }, data: { 'a b': '1' } }), /^ConfigMap "c" is invalid: data\[a b\]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' \(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '\[-._a-zA-Z0-9\]\+'\)$/);
  assert.equal(createError('', 'ConfigMap', { metadata: { name: 'c' }, data: { big: 'x'.repeat(1024 * 1024) } }), 'ConfigMap "c" is invalid: Too long: must have at most 1048576 bytes');
  assert.equal(createError('', 'Secret', { metadata: { name: 's' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }), 'Secret "s" is invalid: data[tls.key]: Required value');
});

test('ingresses: path types, absolute paths, backends', () => {
  const ing = (paths: Record<string, any>[]) => ({ metadata: { name: 'i' }, spec: { rules: [{ host: 'example.com', http: { paths } }] } });
  const backend = { service: { name: 'web', port: { number: 80 } } };
  assert.equal(createError('networking.k8s.io', 'Ingress', ing([{ path: '/', pathType: 'Prefix', backend }])), '');
  assert.equal(
    createError('networking.k8s.io', 'Ingress', ing([{ path: '/', backend }])),
    'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
  );
  assert.equal(
    createError('networking.k8s.io', 'Ingress', ing([{ path: 'api', pathType: 'Exact', backend }])),
    'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
  );
  assert.equal(
    createError('networking.k8s.io', 'Ingress', { metadata: { name: 'i' }, spec: {} }),
    'Ingress.networking.k8s.io "i" is invalid: spec.rules: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
  );
});

test('storage classes need a provisioner', () => {
  assert.equal(createError('storage.k8s.io', 'StorageClass', { metadata: { name: 'sc' } }), 'StorageClass.storage.k8s.io "sc" is invalid: provisioner: Required value');
});

test('container resources: requests may not exceed limits; probes need a handler', () => {
  assert.equal(
    createError('', 'Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] } }),
    'Pod "p" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1',
  );
  assert.equal(
    createError('', 'Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x', livenessProbe: { periodSeconds: 5 } }] } }),
    'Pod "p" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type',
  );
});

test('tolerations, node selectors and service IPs', () => {
  const pod = (spec: Record<string, any>) => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }], ...spec } });
  assert.equal(
    createError('', 'Pod', pod({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v', effect: 'NoSchedule' }] })),
    'Pod "p" is invalid: spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
  );
  assert.match(createError('', 'Pod', pod({ nodeSelector: { disk: 'ssd!' } })), /^Pod "p" is invalid: spec.nodeSelector: Invalid value: "ssd!": a valid label must be an empty string/);
  assert.equal(
    createError('', 'Service', { metadata: { name: 's' }, spec: { clusterIP: '10.0.0.300', ports: [{ port: 80 }] } }),
    'Service "s" is invalid: spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  );
});

test('a StatefulSet mounts its volumeClaimTemplates by name; an unknown mount is still refused', () => {
  const sts = (mount: string) => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'store' },
    spec: {
      serviceName: 'store',
      selector: { matchLabels: { app: 'store' } },
      template: { metadata: { labels: { app: 'store' } }, spec: { containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: mount, mountPath: '/data' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  });
  assert.equal(createError('apps', 'StatefulSet', sts('data')), '');
  assert.match(createError('apps', 'StatefulSet', sts('other')), /spec\.template\.spec\.containers\[0\]\.volumeMounts\[0\]\.name: Not found: "other"/);
});
