import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { DefinitionStore, loadDefinitions } from './definitions';
import { validationError } from './errors';
import { KubernetesSchemaService } from './service';

const defs = new DefinitionStore();
const service = new KubernetesSchemaService({ resources: () => BUILTIN_RESOURCES, definitions: defs });
const resource = (kind: string) => BUILTIN_RESOURCES.find((r) => r.kind === kind && r.group !== 'events.k8s.io')!;
const deployment = resource('Deployment');

const deploy = (spec: Record<string, unknown> = {}): Record<string, any> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: 1, memory: '64Mi' } }, ports: [{ containerPort: 80 }] }] },
    },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    ...spec,
  },
});

test('a valid Deployment passes untouched (quantities as numbers, int-or-string both ways)', () => {
  const obj = deploy();
  const result = service.validate(deployment, obj, 'Strict');
  assert.deepEqual(result, { causes: [], warnings: [] });
  assert.deepEqual(obj, deploy());
});

test('Strict: unknown fields, in document order, are causes worded as upstream, and the 400 reads like kubectl shows it', () => {
  const obj = deploy({ foo: 1 });
  obj.spec.template.spec.containers[0].bar = true;
  obj.metadata.nmae = 'typo';
  const { causes } = service.validate(deployment, obj, 'Strict');
  assert.deepEqual(causes.map((c) => c.message), [
    'unknown field "metadata.nmae"',
    'unknown field "spec.template.spec.containers[0].bar"',
    'unknown field "spec.foo"',
  ]);
  const err = validationError(deployment, 'web', causes)!;
  assert.equal(err.code, 400);
  assert.equal(err.reason, 'BadRequest');
  assert.equal(
    err.message,
    'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.nmae", unknown field "spec.template.spec.containers[0].bar", unknown field "spec.foo"',
  );
});

test('Warn: unknown fields become warnings and are pruned; Ignore: pruned silently', () => {
  const warned = deploy({ foo: 1 });
  assert.deepEqual(service.validate(deployment, warned, 'Warn'), { causes: [], warnings: ['unknown field "spec.foo"'] });
  assert.equal('foo' in warned.spec, false);
  const ignored = deploy({ foo: 1 });
  assert.deepEqual(service.validate(deployment, ignored, 'Ignore'), { causes: [], warnings: [] });
  assert.deepEqual(ignored, deploy());
});

test('a value of the wrong type is the Go decoder error, as a 400', () => {
  const { causes } = service.validate(deployment, deploy({ replicas: 'two' }), 'Strict');
  assert.deepEqual(causes, [
    {
      reason: 'FieldValueTypeInvalid',
      message: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      field: 'spec.replicas',
    },
  ]);
  assert.equal(
    validationError(deployment, 'web', causes)!.message,
    'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  );
  const image = deploy();
  image.spec.template.spec.containers[0].image = 5;
  assert.equal(
    service.validate(deployment, image, 'Strict').causes[0].message,
    'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string',
  );
  assert.equal(
    service.validate(deployment, deploy({ template: [] }), 'Strict').causes[0].message,
    'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec',
  );
});

test('a bad map value is reported at the map, as the Go decoder does', () => {
  const obj = deploy();
  obj.metadata.labels['app.kubernetes.io/tier'] = 3;
  assert.equal(
    service.validate(deployment, obj, 'Strict').causes[0].message,
    'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  );
});

test('missing required fields are 422 Required value causes', () => {
  const obj = deploy();
  delete obj.spec.selector;
  delete obj.spec.template.spec.containers[0].name;
  const { causes } = service.validate(deployment, obj, 'Strict');
  assert.deepEqual(
    causes.map((c) => [c.field, c.reason, c.message]),
    [
      ['spec.selector', 'FieldValueRequired', 'Required value'],
      ['spec.template.spec.containers[0].name', 'FieldValueRequired', 'Required value'],
    ].sort((a, b) => (causes.findIndex((c) => c.field === a[0]) - causes.findIndex((c) => c.field === b[0]))),
  );
  const err = validationError(deployment, 'web', causes)!;
  assert.equal(err.code, 422);
  assert.match(err.message, /^Deployment\.apps "web" is invalid: \[spec\.(selector|template)/);
});

test('null fields are dropped as the Go decoder drops them', () => {
  const obj = deploy({ paused: null, replicas: null });
  assert.deepEqual(service.validate(deployment, obj, 'Strict').causes, []);
  assert.equal('paused' in obj.spec, false);
  assert.equal('replicas' in obj.spec, false);
});

test('every built-in kind has a schema, and the right one', () => {
  for (const r of BUILTIN_RESOURCES) assert.ok(service.rootOf(r), `${r.group}/${r.version} ${r.kind}`);
  assert.equal(defs.nameOf('', 'v1', 'Event'), 'io.k8s.api.core.v1.Event');
  assert.equal(defs.nameOf('events.k8s.io', 'v1', 'Event'), 'io.k8s.api.events.v1.Event');
  assert.equal(defs.nameOf('autoscaling', 'v2', 'HorizontalPodAutoscaler'), 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler');
  assert.equal(defs.nameOf('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition'), 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition');
  assert.ok(defs.get('io.k8s.api.discovery.v1.EndpointPort'));
  assert.ok(defs.get('io.k8s.api.core.v1.PodTemplateSpec'), 'types shared with apps stay in core');
  assert.ok(defs.get('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'));
  const spec = defs.get('io.k8s.api.apps.v1.DeploymentSpec')!;
  assert.deepEqual(spec.required, ['selector', 'template']);
  assert.equal(spec.properties.replicas.format, 'int32');
  assert.match(spec.properties.replicas.description, /^Number of desired pods/);
});

test('rootOf carries the official merge keys and list types', () => {
  const pod = service.rootOf(resource('Pod'))!;
  const podSpec = pod.properties!().spec;
  const containers = podSpec.properties!().containers;
  assert.equal(containers.type, 'array');
  assert.equal(containers.patchMergeKey, 'name');
  assert.equal(containers.patchStrategy, 'merge');
  assert.equal(containers.listType, 'map');
  assert.deepEqual(containers.listMapKeys, ['name']);
  const ports = containers.items!().properties!().ports;
  assert.deepEqual([ports.patchMergeKey, ports.listMapKeys], ['containerPort', ['containerPort', 'protocol']]);
  assert.deepEqual(podSpec.properties!().volumes.patchStrategy, 'merge,retainKeys');
  const finalizers = pod.properties!().metadata.properties!().finalizers;
  assert.deepEqual([finalizers.listType, finalizers.patchStrategy], ['set', 'merge']);
  const svcPorts = service.rootOf(resource('Service'))!.properties!().spec.properties!().ports;
  assert.deepEqual(svcPorts.listMapKeys, ['port', 'protocol']);
  const labels = pod.properties!().metadata.properties!().labels;
  assert.equal(labels.type, 'object');
  assert.equal(labels.properties, undefined);
  assert.equal(labels.additionalProperties!().type, 'string');
  const maxSurge = service.rootOf(deployment)!.properties!().spec.properties!().strategy.properties!().rollingUpdate.properties!().maxSurge;
  assert.equal(maxSurge.type, 'int-or-string');
  const selector = service.rootOf(deployment)!.properties!().spec.properties!().selector;
  assert.equal(selector.mapType, 'atomic', 'LabelSelector is an atomic struct');
  assert.equal(service.rootOf(deployment), service.rootOf(deployment), 'cached');
});

test('nothing is loaded until first use', () => {
  let loads = 0;
  const lazy = new KubernetesSchemaService({
    resources: () => BUILTIN_RESOURCES,
    definitions: new DefinitionStore(() => {
      loads++;
      return loadDefinitions();
    }),
  });
  assert.equal(loads, 0);
  lazy.rootOf(deployment);
  lazy.validate(deployment, deploy(), 'Strict');
  assert.equal(loads, 1);
});

test('status written without Go zero values (replicas: 0, imageID) is accepted, as the Go decoder accepts it', () => {
  const rs = resource('ReplicaSet');
  const obj = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { selector: { matchLabels: { a: 'b' } } }, status: { conditions: [{ type: 'ReplicaFailure' }] } };
  assert.deepEqual(service.validate(rs, obj, 'Strict').causes, []);
  const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's' }, addressType: 'IPv4' };
  assert.deepEqual(service.validate(resource('EndpointSlice'), slice, 'Strict').causes, []);
});
