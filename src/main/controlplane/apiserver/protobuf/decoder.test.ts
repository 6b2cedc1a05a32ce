// Golden decoding tests: bytes built the way client-go's gogo encoder writes them, decoded to the
// JSON object kubectl would have sent as application/json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../shared/k8s/status';
import { DefinitionStore } from '../schema/definitions';
import { createProtobufDecoder } from './decoder';
import { bytes, entry, envelope, int, intOrString, msg, objectMeta, quantity, str, strMap } from './test-encoder';

const decode = createProtobufDecoder(new DefinitionStore());

test('a ConfigMap keeps its data, binary data as base64 and an explicit immutable=false', () => {
  const body = envelope('v1', 'ConfigMap', objectMeta('cfg'), ...strMap(2, { a: 'b', empty: '' }), entry(3, 'bin', bytes(2, Uint8Array.of(0, 1, 255))), int(4, false));
  const { object, warnings } = decode(body);
  assert.deepEqual(object, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg' },
    data: { a: 'b', empty: '' },
    binaryData: { bin: 'AAH/' },
    immutable: false,
  });
  assert.deepEqual(warnings, []);
});

test('a Secret has its bytes as base64 and its type', () => {
  const body = envelope('v1', 'Secret', objectMeta('s', ...strMap(11, { app: 'x' })), entry(2, 'pw', bytes(2, new TextEncoder().encode('hunter2'))), str(3, 'Opaque'));
  assert.deepEqual(decode(body).object, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's', labels: { app: 'x' } },
    data: { pw: 'aHVudGVyMg==' },
    type: 'Opaque',
  });
});

const container = msg(
  2,
  str(1, 'web'),
  str(2, 'nginx:1.27'),
  str(3, 'nginx'),
  str(4, '-g'),
  str(4, 'daemon off;'),
  msg(6, str(1, ''), int(2, 0), int(3, 80), str(4, 'TCP'), str(5, '')),
  msg(7, str(1, 'MODE'), str(2, 'prod')),
  msg(8, entry(1, 'cpu', quantity('500m')), entry(2, 'memory', quantity('64Mi'))),
  str(13, '/dev/termination-log'),
  str(14, 'IfNotPresent'),
  int(16, false),
);

test('a Deployment decodes its nested pod template, quantities, IntOrStrings and replicas: 0', () => {
  const spec = msg(
    2,
    int(1, 0),
    msg(2, ...strMap(1, { app: 'web' })),
    msg(3, msg(1, str(1, ''), ...strMap(11, { app: 'web' })), msg(2, container, str(3, 'Always'))),
    msg(4, str(1, 'RollingUpdate'), msg(2, intOrString(1, 1), intOrString(2, '25%'))),
    int(5, 0),
  );
  const { object } = decode(envelope('apps/v1', 'Deployment', objectMeta('web'), spec, msg(3)));
  assert.deepEqual(object, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              command: ['nginx'],
              args: ['-g', 'daemon off;'],
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              env: [{ name: 'MODE', value: 'prod' }],
              resources: { limits: { cpu: '500m' }, requests: { memory: '64Mi' } },
              terminationMessagePath: '/dev/termination-log',
              imagePullPolicy: 'IfNotPresent',
            },
          ],
          restartPolicy: 'Always',
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
    },
    status: {},
  });
});

test('a Job keeps backoffLimit: 0 and suspend: false (pointers) and its command', () => {
  const template = msg(6, msg(1, str(1, '')), msg(2, msg(2, str(1, 'j'), str(2, 'busybox'), str(3, 'echo'), str(3, 'hi')), str(3, 'Never')));
  const { object } = decode(envelope('batch/v1', 'Job', objectMeta('j'), msg(2, template, int(7, 0), int(10, false))));
  assert.deepEqual(object.spec, {
    template: { metadata: {}, spec: { containers: [{ name: 'j', image: 'busybox', command: ['echo', 'hi'] }], restartPolicy: 'Never' } },
    backoffLimit: 0,
    suspend: false,
  });
});

test('a Service has numeric and named target ports', () => {
  const port = (name: string, p: number, target: number | string): Uint8Array => msg(1, str(1, name), str(2, 'TCP'), int(3, p), intOrString(4, target), int(5, 0));
  const spec = msg(2, port('80-8080', 80, 8080), port('https', 443, 'https'), ...strMap(2, { app: 'web' }), str(3, ''), str(4, 'ClusterIP'));
  const { object } = decode(envelope('v1', 'Service', objectMeta('svc'), spec, msg(3, msg(1))));
  assert.deepEqual(object.spec, {
    ports: [
      { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 },
      { name: 'https', protocol: 'TCP', port: 443, targetPort: 'https' },
    ],
    selector: { app: 'web' },
    type: 'ClusterIP',
  });
});

test('a Namespace has its finalizers and empty status', () => {
  const { object } = decode(envelope('v1', 'Namespace', objectMeta('team-a'), msg(2, str(1, 'kubernetes')), msg(3, str(1, ''))));
  assert.deepEqual(object, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, spec: { finalizers: ['kubernetes'] }, status: {} });
});

test('an Eviction keeps gracePeriodSeconds: 0 in its DeleteOptions', () => {
  const { object } = decode(envelope('policy/v1', 'Eviction', objectMeta('p1', str(3, 'default')), msg(2, int(1, 0), str(4, 'Foreground'))));
  assert.deepEqual(object, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'p1', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 0, propagationPolicy: 'Foreground' } });
});

test('DeleteOptions sent under a group version decode as metav1 DeleteOptions', () => {
  const { object } = decode(envelope('v1', 'DeleteOptions', int(1, 30), str(5, 'All')));
  assert.deepEqual(object, { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 30, dryRun: ['All'] });
});

test('a SelfSubjectAccessReview and a TokenRequest decode (int64 and extra values)', () => {
  const ssar = decode(envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', objectMeta(''), msg(2, msg(1, str(1, 'default'), str(2, 'get'), str(3, ''), str(4, ''), str(5, 'pods')))));
  assert.deepEqual(ssar.object.spec, { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } });
  const sar = decode(envelope('authorization.k8s.io/v1', 'SubjectAccessReview', objectMeta(''), msg(2, str(3, 'bob'), entry(5, 'scopes', msg(2, str(1, 'a'), str(1, 'b'))))));
  assert.deepEqual(sar.object.spec, { user: 'bob', extra: { scopes: ['a', 'b'] } });
  const tr = decode(envelope('authentication.k8s.io/v1', 'TokenRequest', objectMeta('sa'), msg(2, str(1, 'https://kubernetes.default.svc'), int(4, 3600n))));
  assert.deepEqual(tr.object.spec, { audiences: ['https://kubernetes.default.svc'], expirationSeconds: 3600 });
});

test('times decode to RFC 3339, micro times with six fractional digits, negative ints stay negative', () => {
  const lease = decode(envelope('coordination.k8s.io/v1', 'Lease', objectMeta('l'), msg(2, str(1, 'me'), int(2, -1), msg(3, int(1, 1700000000), int(2, 123456789)))));
  assert.deepEqual(lease.object.spec, { holderIdentity: 'me', leaseDurationSeconds: -1, acquireTime: '2023-11-14T22:13:20.123456Z' });
  const meta = decode(envelope('v1', 'ConfigMap', objectMeta('c', msg(9, int(1, 1700000000)))));
  assert.deepEqual(meta.object.metadata, { name: 'c', deletionTimestamp: '2023-11-14T22:13:20Z' });
});

test('a Scale (kubectl scale) decodes its spec although the OpenAPI set has no ScaleSpec', () => {
  const scale = decode(envelope('autoscaling/v1', 'Scale', objectMeta('web', str(3, 'default')), msg(2, int(1, 3)), msg(3)));
  assert.deepEqual(scale.object, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3 }, status: {} });
});

test('an unknown field number is skipped with a warning', () => {
  const { object, warnings } = decode(envelope('v1', 'ConfigMap', objectMeta('cfg'), ...strMap(2, { a: 'b' }), str(99, 'future'), int(98, 7)));
  assert.deepEqual(object, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } });
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /unknown field number 99 in ConfigMap/);
});

const badRequest = (body: Uint8Array, message: RegExp): void => {
  assert.throws(
    () => decode(body),
    (err: unknown) => err instanceof StatusError && err.code === 400 && message.test(err.message),
  );
};

test('every truncation of a body is a 400 that says so, never a crash', () => {
  const body = envelope('apps/v1', 'Deployment', objectMeta('web'), msg(2, int(1, 2), msg(3, msg(2, container))));
  for (let cut = 0; cut < body.length; cut++) {
    try {
      decode(body.subarray(0, cut));
    } catch (err) {
      assert.ok(err instanceof StatusError && err.code === 400, `cut at ${cut}: ${String(err)}`);
    }
  }
  badRequest(body.subarray(0, body.length - 3), /truncated/);
});

test('a body without the k8s prefix, of an unknown kind, or with wrong wire types is a 400', () => {
  badRequest(Buffer.from('{"kind":"ConfigMap"}'), /k8s\\x00/);
  badRequest(envelope('example.com/v1', 'Widget', objectMeta('w')), /Widget in example\.com\/v1 are not supported.*application\/json/);
  badRequest(envelope('v1', 'ConfigMap', int(1, 5)), /metadata: expected a length-delimited field/);
});
