import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FieldSet } from './fieldset';
import { fieldPE, keyPE, pathToString, valuePE } from './pathelement';
import { deployment, deploymentSchema } from './testschema';
import { toFieldSet } from './tofieldset';

const golden = (obj: unknown): string => JSON.stringify(obj);

test('FieldsV1 of an applied Deployment is spelled as upstream spells it', () => {
  const obj = deployment(
    { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    { labels: { app: 'web' } },
  );
  const set = toFieldSet(obj, deploymentSchema);
  // apiVersion/kind/metadata.name are in the raw set; the field manager strips them
  assert.equal(
    golden(set.toFieldsV1()),
    golden({
      'f:apiVersion': {},
      'f:kind': {},
      'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:name': {}, 'f:namespace': {} },
      'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
    }),
  );
});

test('composite keys are sorted by field name and default the protocol', () => {
  const obj = deployment({ template: { spec: { containers: [{ name: 'web', ports: [{ protocol: 'UDP', containerPort: 53 }, { containerPort: 80 }] }] } } });
  const ports = toFieldSet(obj, deploymentSchema).toFieldsV1() as any;
  const list = ports['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"web"}']['f:ports'];
  assert.deepEqual(Object.keys(list), ['k:{"containerPort":53,"protocol":"UDP"}', 'k:{"containerPort":80,"protocol":"TCP"}']);
});

test('set items are v: elements, atomic lists and maps are leaves, empty maps are members', () => {
  const obj = {
    metadata: { finalizers: ['b', 'a'] },
    spec: { template: { spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', args: ['x'], resources: {} }] } } },
  };
  assert.equal(
    golden(toFieldSet(obj, deploymentSchema).toFieldsV1()),
    golden({
      'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} } },
      'f:spec': {
        'f:template': {
          'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:args': {}, 'f:name': {}, 'f:resources': {} } }, 'f:nodeSelector': {} },
        },
      },
    }),
  );
});

test('without a schema lists are atomic and every map key is a member', () => {
  const obj = { spec: { list: [1, 2], nested: { a: 1 } } };
  assert.equal(
    golden(toFieldSet(obj, undefined).toFieldsV1()),
    golden({ 'f:spec': { '.': {}, 'f:list': {}, 'f:nested': { '.': {}, 'f:a': {} } } }),
  );
});

test('FieldsV1 parses back to the same set, and set algebra follows upstream', () => {
  const fields = {
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {} } } } } },
  };
  const set = FieldSet.fromFieldsV1(fields);
  assert.equal(golden(set.toFieldsV1()), golden(fields));
  const web = ['f:spec', 'f:template', 'f:spec', 'f:containers', keyPE([['name', 'web']])];
  assert.ok(set.has(web));
  assert.ok(set.has([...web, fieldPE('image')]));
  assert.ok(!set.has(['f:spec']));
  // difference keeps the item's children; recursiveDifference drops them
  const item = FieldSet.fromPaths([web]);
  assert.ok(set.difference(item).has([...web, 'f:image']));
  assert.ok(!set.recursiveDifference(item).has([...web, 'f:image']));
  assert.deepEqual(set.intersection(FieldSet.fromPaths([['f:metadata', 'f:labels', 'f:app']])).paths(), [['f:metadata', 'f:labels', 'f:app']]);
});

test('key elements written in another order are read as the same element', () => {
  const set = FieldSet.fromFieldsV1({ 'f:ports': { 'k:{"protocol":"TCP","containerPort":80}': {} } });
  assert.ok(set.has(['f:ports', keyPE([['containerPort', 80], ['protocol', 'TCP']])]));
});

test('paths print as in upstream conflict messages', () => {
  assert.equal(
    pathToString(['f:spec', 'f:containers', keyPE([['name', 'web']]), 'f:ports', keyPE([['protocol', 'TCP'], ['containerPort', 80]])]),
    '.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"]',
  );
  assert.equal(pathToString(['f:metadata', 'f:finalizers', valuePE('a')]), '.metadata.finalizers[="a"]');
});
