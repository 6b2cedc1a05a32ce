import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { ResourceRegistry } from '../resources/registry';
import { createTokenAuthenticator } from '../http/auth';
import { createApiHandler } from '../http/handler';
import { call, MemoryHandlers, SimpleSchema, simplePrinter } from '../http/test-support';
import { CrdController } from './controller';
import { CustomPrinterColumns } from './printer-columns';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wd'], categories: ['all'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } },
        subresources: { status: {}, scale: { specReplicasPath: '.spec.size', statusReplicasPath: '.status.size' } },
        additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
      },
    ],
  },
};

const json = { 'content-type': 'application/json' };
const until = async (cond: () => Promise<boolean>, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('CRD controller', () => {
  let server: Server;
  let port: number;
  const registry = new ResourceRegistry(BUILTIN_RESOURCES);
  const handlers = new MemoryHandlers();
  const schema = new SimpleSchema();
  const columns = new CustomPrinterColumns();
  const controller = new CrdController({ handlers, resources: registry, schema, columns, retryDelayMs: 10 });

  before(async () => {
    server = createServer(createApiHandler({ handlers, resources: registry, schema, printer: simplePrinter, authenticator: createTokenAuthenticator({ 'secret-token': 'admin' }) }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    await controller.start();
  });
  after(async () => {
    await controller.stop();
    server.close();
  });

  it('serves a new CRD within 100 ms, then its custom resources', async () => {
    const created = await call(port, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: JSON.stringify(crd), headers: json });
    assert.equal(created.status, 201);
    const t0 = Date.now();
    await until(async () => (await call(port, 'GET', '/apis/example.com/v1')).status === 200);
    assert.ok(Date.now() - t0 < 100, `established after ${Date.now() - t0} ms`);

    const list = (await call(port, 'GET', '/apis/example.com/v1')).json;
    const widgets = list.resources.find((r: any) => r.name === 'widgets');
    assert.deepEqual([widgets.kind, widgets.namespaced, widgets.shortNames], ['Widget', true, ['wd']]);
    assert.ok(list.resources.some((r: any) => r.name === 'widgets/scale'));
    const agg = await call(port, 'GET', '/apis', { headers: { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } });
    assert.ok(agg.json.items.some((g: any) => g.metadata.name === 'example.com'));
    assert.deepEqual(columns.printerColumnsFor({ group: 'example.com', version: 'v1', plural: 'widgets' })?.map((c) => c.name), ['Size']);
    assert.ok(schema.custom.has('example.com/v1/widgets'));

    const cr = await call(port, 'POST', '/apis/example.com/v1/namespaces/default/widgets', {
      body: JSON.stringify({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } }),
      headers: json,
    });
    assert.equal(cr.status, 201);
    const got = await call(port, 'GET', '/apis/example.com/v1/namespaces/default/widgets/w1');
    assert.equal(got.json.spec.size, 3);
  });

  it('marks the CRD NamesAccepted and Established', async () => {
    await until(async () => {
      const c = (await call(port, 'GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com')).json;
      return c.status?.conditions?.some((x: any) => x.type === 'Established' && x.status === 'True') ?? false;
    });
    const c = (await call(port, 'GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com')).json;
    assert.equal(c.status.acceptedNames.kind, 'Widget');
    assert.deepEqual(c.status.storedVersions, ['v1']);
  });

  it('stops serving and deletes instances when the CRD is deleted', async () => {
    const del = await call(port, 'DELETE', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com');
    assert.equal(del.status, 200);
    await until(async () => (await call(port, 'GET', '/apis/example.com/v1')).status === 404);
    assert.equal(schema.custom.size, 0);
    const widgets = { ...BUILTIN_RESOURCES[0], group: 'example.com', version: 'v1', plural: 'widgets' };
    const remaining = async () => (await handlers.list({ verb: 'list', resource: widgets, query: new URLSearchParams(), user: 'u', userAgent: '' })).items.length;
    await until(async () => (await remaining()) === 0);
  });
});
