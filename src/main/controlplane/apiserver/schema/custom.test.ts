import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import type { ResourceInfo } from '../resources/types';
import { validationError } from './errors';
import { KubernetesSchemaService } from './service';

const crontab: ResourceInfo = {
  group: 'stable.example.com',
  version: 'v1',
  kind: 'CronTab',
  listKind: 'CronTabList',
  plural: 'crontabs',
  singular: 'crontab',
  namespaced: true,
  shortNames: ['ct'],
  categories: [],
  subresources: { status: true },
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  custom: true,
};

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['cronSpec'],
      properties: {
        cronSpec: { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$', description: 'when to run' },
        image: { type: 'string' },
        replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        mode: { type: 'string', enum: ['Fast', 'Slow'] },
        note: { type: 'string', nullable: true },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } },
        items: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
  },
};

const resources = [...BUILTIN_RESOURCES, crontab];
const service = new KubernetesSchemaService({ resources: () => resources });
service.registerCustomResource(crontab, schema);

const cr = (spec: Record<string, unknown>): Record<string, any> => ({
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name: 'c', namespace: 'default' },
  spec: { cronSpec: '* * * * */5', image: 'my-image', ...spec },
});

test('a valid custom resource passes, and defaults from the schema are filled', () => {
  const obj = cr({ port: 'http', note: null, extra: { anything: { goes: [1] } } });
  assert.deepEqual(service.validate(crontab, obj, 'Strict'), { causes: [], warnings: [] });
  assert.equal(obj.spec.replicas, 1);
  assert.equal(obj.spec.note, null, 'nullable fields keep null');
  assert.deepEqual(obj.spec.extra, { anything: { goes: [1] } }, 'preserved unknown fields stay');
  assert.deepEqual(service.validate(crontab, cr({ port: 8080 }), 'Strict').causes, []);
});

test('unknown fields are pruned as upstream structural pruning does; Strict reports them', () => {
  const obj = cr({ foo: 1, template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', bogus: 1 }, spec: { a: 'b', c: 'd' } } });
  obj.metadata.nmae = 'x';
  const { causes } = service.validate(crontab, obj, 'Strict');
  assert.deepEqual(causes.map((c) => c.message), [
    'unknown field "metadata.nmae"',
    'unknown field "spec.foo"',
    'unknown field "spec.template.metadata.bogus"',
    'unknown field "spec.template.spec.c"',
  ]);
  assert.deepEqual(obj.spec.template, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { a: 'b' } });
  assert.equal(
    validationError(crontab, 'c', causes)!.message,
    'CronTab in version "v1" cannot be handled as a CronTab: strict decoding error: unknown field "metadata.nmae", unknown field "spec.foo", unknown field "spec.template.metadata.bogus", unknown field "spec.template.spec.c"',
  );
  const ignored = cr({ foo: 1 });
  assert.deepEqual(service.validate(crontab, ignored, 'Ignore').causes, []);
  assert.equal('foo' in ignored.spec, false);
});

test('schema violations are 422 causes in the words of upstream OpenAPI validation', () => {
  const { causes } = service.validate(crontab, cr({ replicas: 'x', mode: 'Medium', cronSpec: 'never' }), 'Strict');
  const byField = Object.fromEntries(causes.map((c) => [c.field, c.message]));
  assert.equal(byField['spec.replicas'], 'Invalid value: "x": spec.replicas in body must be of type integer: "x"');
  assert.equal(byField['spec.mode'], 'Unsupported value: "Medium": supported values: "Fast", "Slow"');
  assert.match(byField['spec.cronSpec'], /^Invalid value: "never": spec.cronSpec in body should match '/);
  const err = validationError(crontab, 'c', causes)!;
  assert.equal(err.code, 422);
  assert.match(err.message, /^CronTab\.stable\.example\.com "c" is invalid: \[/);

  const tooMany = service.validate(crontab, cr({ replicas: 11 }), 'Strict').causes;
  assert.deepEqual(tooMany, [{ reason: 'FieldValueInvalid', message: 'Invalid value: 11: spec.replicas in body should be less than or equal to 10', field: 'spec.replicas' }]);
  const missing = cr({});
  delete missing.spec.cronSpec;
  assert.deepEqual(service.validate(crontab, missing, 'Strict').causes, [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.cronSpec' }]);
  assert.equal(service.validate(crontab, cr({ port: true }), 'Strict').causes[0].field, 'spec.port');
});

test('the custom schema tree carries list types for server-side apply', () => {
  const root = service.rootOf(crontab)!;
  const items = root.properties!().spec.properties!().items;
  assert.deepEqual([items.listType, items.listMapKeys], ['map', ['name']]);
  assert.equal(root.properties!().spec.properties!().port.type, 'int-or-string');
  assert.ok(root.properties!().metadata.properties!().labels, 'metadata is ObjectMeta');
});

test('after unregistering, the kind has no schema and is gone from the documents', () => {
  const other = new KubernetesSchemaService({ resources: () => resources });
  other.registerCustomResource(crontab, schema);
  assert.ok(other.openapiV3('apis/stable.example.com/v1'));
  other.unregisterCustomResource(crontab);
  assert.equal(other.rootOf(crontab), undefined);
  assert.equal(other.openapiV3('apis/stable.example.com/v1'), undefined);
  assert.deepEqual(other.validate(crontab, cr({ foo: 1 }), 'Strict').causes, []);
});

test('a Go-only regular expression does not break the kind: the rest of the schema still applies', () => {
  const other = new KubernetesSchemaService({ resources: () => resources });
  other.registerCustomResource(crontab, { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string', pattern: '(?i)^abc$' }, n: { type: 'integer' } } } } });
  assert.deepEqual(other.validate(crontab, cr({ a: 'ABC' }), 'Strict').causes.filter((c) => c.field !== 'spec.cronSpec' && c.field !== 'spec.image'), []);
  assert.equal(other.validate(crontab, { ...cr({}), spec: { n: 'x' } }, 'Strict').causes[0].field, 'spec.n');
});
