import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { ResourceRegistry } from '../resources/registry';
import type { ResourceInfo } from '../resources/types';
import { DiscoveryService } from './service';

const widget = (version: string): ResourceInfo => ({
  group: 'example.com', version, kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget',
  namespaced: true, shortNames: ['wd'], categories: ['all'], subresources: { status: true }, verbs: ['get', 'list'], custom: true,
});

const read = (d: DiscoveryService, path: string, agg?: 'v2' | 'v2beta1'): any => {
  const doc = d.lookup(path, agg, '127.0.0.1:6443');
  return doc && { ...doc, json: JSON.parse(doc.body) };
};

describe('discovery', () => {
  it('lists the core version with the server address at /api', () => {
    const d = new DiscoveryService(new ResourceRegistry(BUILTIN_RESOURCES));
    const api = read(d, '/api').json;
    assert.deepEqual(api.versions, ['v1']);
    assert.deepEqual(api.serverAddressByClientCIDRs, [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }]);
  });

  it('lists resources with subresources the way kubectl api-resources reads them', () => {
    const d = new DiscoveryService(new ResourceRegistry(BUILTIN_RESOURCES));
    const v1 = read(d, '/api/v1').json;
    assert.equal(v1.kind, 'APIResourceList');
    const pods = v1.resources.find((r: any) => r.name === 'pods');
    assert.deepEqual({ ...pods, storageVersionHash: undefined }, {
      name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'], categories: ['all'], storageVersionHash: undefined,
    });
    assert.ok(v1.resources.some((r: any) => r.name === 'pods/status' && r.kind === 'Pod'));
    const apps = read(d, '/apis/apps/v1').json;
    const scale = apps.resources.find((r: any) => r.name === 'deployments/scale');
    assert.deepEqual([scale.group, scale.version, scale.kind], ['autoscaling', 'v1', 'Scale']);
    assert.equal(read(d, '/apis/apps').json.preferredVersion.groupVersion, 'apps/v1');
    assert.equal(read(d, '/apis/nope.io'), undefined);
    assert.equal(read(d, '/api/v2'), undefined);
  });

  it('answers aggregated discovery in v2 and v2beta1 with the negotiated content type', () => {
    const d = new DiscoveryService(new ResourceRegistry(BUILTIN_RESOURCES));
    for (const v of ['v2', 'v2beta1'] as const) {
      const apis = read(d, '/apis', v);
      assert.equal(apis.contentType, `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`);
      assert.equal(apis.json.apiVersion, `apidiscovery.k8s.io/${v}`);
      const apps = apis.json.items.find((g: any) => g.metadata.name === 'apps');
      const deploy = apps.versions[0].resources.find((r: any) => r.resource === 'deployments');
      assert.deepEqual(deploy.responseKind, { group: 'apps', version: 'v1', kind: 'Deployment' });
      assert.equal(deploy.scope, 'Namespaced');
      assert.equal(deploy.singularResource, 'deployment');
      assert.deepEqual(deploy.subresources.map((s: any) => s.subresource), ['status', 'scale']);
      assert.equal(apps.versions[0].freshness, 'Current');
      const core = read(d, '/api', v).json;
      assert.equal(core.items.length, 1);
      assert.equal(core.items[0].versions[0].version, 'v1');
    }
  });

  it('shows a new resource at once and prefers the most stable version', () => {
    const registry = new ResourceRegistry(BUILTIN_RESOURCES);
    const d = new DiscoveryService(registry);
    const before = read(d, '/apis');
    assert.ok(!before.json.groups.some((g: any) => g.name === 'example.com'));
    registry.add(widget('v1alpha1'));
    registry.add(widget('v1'));
    const after = read(d, '/apis');
    assert.notEqual(after.etag, before.etag);
    const group = after.json.groups.find((g: any) => g.name === 'example.com');
    assert.deepEqual(group.versions.map((v: any) => v.version), ['v1', 'v1alpha1']);
    assert.equal(group.preferredVersion.version, 'v1');
    registry.remove('example.com', 'v1', 'widgets');
    registry.remove('example.com', 'v1alpha1', 'widgets');
    assert.equal(read(d, '/apis/example.com'), undefined);
  });
});
