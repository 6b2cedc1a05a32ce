import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import type { ResourceInfo } from '../resources/types';
import { KubernetesSchemaService } from './service';

const widget: ResourceInfo = {
  group: 'example.com', version: 'v1alpha1', kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget',
  namespaced: false, shortNames: [], categories: [], subresources: {}, verbs: ['get', 'list', 'patch', 'update', 'create'], custom: true,
};
let resources: ResourceInfo[] = BUILTIN_RESOURCES;
const service = new KubernetesSchemaService({ resources: () => resources });

/** every $ref of a document resolves inside it */
function danglingRefs(doc: any, prefix: string, table: Record<string, unknown>): string[] {
  const out: string[] = [];
  JSON.stringify(doc, (k, v) => {
    if (k === '$ref' && typeof v === 'string' && !(v.startsWith(prefix) && v.slice(prefix.length) in table)) out.push(v);
    return v;
  });
  return out;
}

const gvkOf = (op: any) => op['x-kubernetes-group-version-kind'];

test('/openapi/v2 has paths for every served resource, with kubectl’s fieldValidation probe on PATCH', () => {
  const doc: any = service.openapiV2();
  assert.equal(doc.swagger, '2.0');
  const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
  assert.equal(patch['x-kubernetes-action'], 'patch');
  assert.deepEqual(gvkOf(patch), { group: 'apps', kind: 'Deployment', version: 'v1' });
  const query = patch.parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name);
  for (const name of ['dryRun', 'fieldManager', 'fieldValidation', 'force']) assert.ok(query.includes(name), name);
  assert.ok(patch.consumes.includes('application/strategic-merge-patch+json'));
  // review kinds (SelfSubjectAccessReview, ...) are create-only and componentstatuses read-only, as upstream
  for (const r of BUILTIN_RESOURCES) {
    const ns = r.namespaced ? '/namespaces/{namespace}' : '';
    const base = `${r.group ? `/apis/${r.group}` : '/api'}/${r.version}${ns}/${r.plural}`;
    if (r.verbs.includes('list')) assert.ok(doc.paths[base]?.get, `list ${base}`);
    if (r.verbs.includes('patch')) assert.ok(doc.paths[`${base}/{name}`]?.patch, `patch ${base}`);
  }
  assert.ok(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].put);
  assert.deepEqual(doc.definitions['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
  assert.equal(doc.definitions['io.k8s.api.core.v1.PodSpec'].properties.containers['x-kubernetes-patch-merge-key'], 'name');
  assert.deepEqual(danglingRefs(doc, '#/definitions/', doc.definitions), []);
});

test('/openapi/v3 index lists each group-version with a hashed URL', () => {
  const index: any = service.openapiV3Index();
  assert.match(index.paths['api/v1'].serverRelativeURL, /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
  assert.ok(index.paths['apis/apps/v1']);
  assert.ok(index.paths['apis/events.k8s.io/v1']);
  assert.deepEqual(service.openapiV3Index(), index, 'stable between calls');
  for (const key of Object.keys(index.paths)) {
    const doc: any = service.openapiV3(key);
    assert.deepEqual(danglingRefs(doc, '#/components/schemas/', doc.components.schemas), [], key);
  }
});

test('/openapi/v3/apis/apps/v1 is what kubectl explain reads: GVK-tagged schemas, component refs', () => {
  const doc: any = service.openapiV3('apis/apps/v1');
  assert.equal(doc.openapi, '3.0.0');
  const schemas = doc.components.schemas;
  const deployment = schemas['io.k8s.api.apps.v1.Deployment'];
  assert.deepEqual(deployment['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
  assert.deepEqual(deployment.properties.spec.allOf, [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }]);
  assert.match(deployment.properties.spec.description ?? schemas['io.k8s.api.apps.v1.DeploymentSpec'].description, /Deployment/);
  const replicas = schemas['io.k8s.api.apps.v1.DeploymentSpec'].properties.replicas;
  assert.deepEqual([replicas.type, replicas.format], ['integer', 'int32']);
  assert.match(replicas.description, /Number of desired pods/);
  assert.deepEqual(danglingRefs(doc, '#/components/schemas/', schemas), []);
  const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
  assert.deepEqual(gvkOf(patch), { group: 'apps', kind: 'Deployment', version: 'v1' });
  assert.ok(patch.parameters.some((p: any) => p.name === 'fieldValidation' && p.in === 'query'));
  assert.ok(patch.requestBody.content['application/apply-patch+yaml']);
  assert.ok(patch.responses['200'].content['application/json'].schema);
  assert.equal(service.openapiV3('apis/nope/v1'), undefined);
  assert.ok(service.openapiV3('/api/v1'));
});

test('a registered CRD appears in both documents, without strategic merge patch', () => {
  resources = [...BUILTIN_RESOURCES, widget];
  service.registerCustomResource(widget, { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', description: 'how big' } } } } });
  const v3: any = service.openapiV3('apis/example.com/v1alpha1');
  const schema = v3.components.schemas['com.example.v1alpha1.Widget'];
  assert.deepEqual(schema['x-kubernetes-group-version-kind'], [{ group: 'example.com', kind: 'Widget', version: 'v1alpha1' }]);
  assert.equal(schema.properties.spec.properties.size.description, 'how big');
  assert.ok(v3.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']);
  const patch = v3.paths['/apis/example.com/v1alpha1/widgets/{name}'].patch;
  assert.equal(patch.requestBody.content['application/strategic-merge-patch+json'], undefined);
  assert.ok(patch.parameters.some((p: any) => p.name === 'fieldValidation'));
  assert.ok((service.openapiV3Index() as any).paths['apis/example.com/v1alpha1']);
  const v2: any = service.openapiV2();
  assert.ok(v2.definitions['com.example.v1alpha1.Widget']);
  assert.ok(v2.paths['/apis/example.com/v1alpha1/widgets/{name}']);
  resources = BUILTIN_RESOURCES;
  service.unregisterCustomResource(widget);
  assert.equal((service.openapiV2() as any).definitions['com.example.v1alpha1.Widget'], undefined);
});

test('/openapi/v2 as protobuf (what kubectl 1.27 reads) carries the swagger version, definitions and GVK extensions', () => {
  const bytes = Buffer.from(service.openapiV2Protobuf());
  assert.deepEqual([...bytes.subarray(0, 5)], [0x0a, 0x03, 0x32, 0x2e, 0x30], 'field 1 (swagger) = "2.0"');
  const text = bytes.toString('latin1');
  assert.ok(text.includes('io.k8s.api.apps.v1.Deployment'));
  assert.ok(text.includes('x-kubernetes-group-version-kind'));
  assert.ok(text.includes('- group: apps\n  kind: Deployment\n  version: v1\n'), 'extensions are YAML, as kubectl decodes them');
  assert.equal(service.openapiV2Protobuf(), service.openapiV2Protobuf(), 'cached');
});
