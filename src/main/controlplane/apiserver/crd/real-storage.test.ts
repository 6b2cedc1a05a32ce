// The CRD flow end to end over the real REST storage, store and schema service.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createFieldManager } from '../apply/fieldmanager';
import type { KindStrategy } from '../defaults/types';
import { createTablePrinter } from '../printers/index';
import { harness, type Harness } from '../registry/testing';
import { KubernetesSchemaService } from '../schema/service';
import { createTokenAuthenticator } from '../http/auth';
import { createApiHandler } from '../http/handler';
import { call } from '../http/test-support';
import { CrdController } from './controller';
import { CustomPrinterColumns } from './printer-columns';
import { customResourceDefinitionStrategy } from './strategy';

const crdOnly = (s: KindStrategy): KindStrategy => ({
  applyDefaults: (r, o) => (r.kind === 'CustomResourceDefinition' ? s.applyDefaults(r, o) : undefined),
  validate: (r, o, old) => (r.kind === 'CustomResourceDefinition' ? s.validate(r, o, old) : []),
  prepareForCreate: (r, o) => (r.kind === 'CustomResourceDefinition' ? s.prepareForCreate(r, o) : undefined),
  prepareForUpdate: (r, o, old, sub) => (r.kind === 'CustomResourceDefinition' ? s.prepareForUpdate(r, o, old, sub) : undefined),
});

const crd = (name: string) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name },
  spec: {
    group: 'stable.example.com',
    scope: 'Namespaced',
    names: { plural: 'crontabs', kind: 'CronTab', shortNames: ['ct'] },
    versions: [{
      name: 'v1', served: true, storage: true,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { cronSpec: { type: 'string' } } } } } },
      additionalPrinterColumns: [{ name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' }],
    }],
  },
});

const json = { 'content-type': 'application/json' };
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

describe('CRDs over the real storage', () => {
  let h: Harness;
  let server: Server;
  let port: number;
  let controller: CrdController;

  before(async () => {
    const schema = new KubernetesSchemaService({ resources: () => h.resources.all() });
    h = harness({ schema, fieldManager: createFieldManager(), strategy: crdOnly(customResourceDefinitionStrategy) });
    const resources = h.resources;
    const columns = new CustomPrinterColumns();
    controller = new CrdController({ handlers: h.storage, resources, schema, columns, retryDelayMs: 10 });
    await h.storage.create({ ...h.req('namespaces'), verb: 'create' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    await controller.start();
    const printer = createTablePrinter((r) => columns.printerColumnsFor(r));
    server = createServer(createApiHandler({ handlers: h.storage, resources, schema, printer, authenticator: createTokenAuthenticator({ 'secret-token': 'admin' }), clock: h.clock.now }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await controller.stop();
    server.close();
    h.close();
  });

  it('refuses a CRD whose name is not plural.group with 422', async () => {
    const r = await call(port, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: JSON.stringify(crd('wrong.example.com')), headers: json });
    assert.equal(r.status, 422);
    assert.match(r.json.message, /must be spec.names.plural\+"."\+spec.group/);
  });

  it('serves custom resources right after the CRD is created, with its printer columns', async () => {
    const c = await call(port, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: JSON.stringify(crd('crontabs.stable.example.com')), headers: json });
    assert.equal(c.status, 201);
    let created = await call(port, 'POST', '/apis/stable.example.com/v1/namespaces/default/crontabs', {
      body: JSON.stringify({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'c1' }, spec: { cronSpec: '* * * * */5' } }),
      headers: json,
    });
    for (let i = 0; created.status === 404 && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 5));
      created = await call(port, 'POST', '/apis/stable.example.com/v1/namespaces/default/crontabs', {
        body: JSON.stringify({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'c1' }, spec: { cronSpec: '* * * * */5' } }),
        headers: json,
      });
    }
    assert.equal(created.status, 201, created.text);
    const table = await call(port, 'GET', '/apis/stable.example.com/v1/namespaces/default/crontabs', { headers: { accept: TABLE } });
    assert.deepEqual(table.json.columnDefinitions.map((d: any) => d.name), ['Name', 'Spec']);
    assert.deepEqual(table.json.rows[0].cells, ['c1', '* * * * */5']);
  });

  it('reports the CRD Established with its accepted names', async () => {
    let status: any;
    for (let i = 0; i < 100 && !status?.conditions?.some((c: any) => c.type === 'Established' && c.status === 'True'); i++) {
      await new Promise((r) => setTimeout(r, 10));
      status = (await call(port, 'GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/crontabs.stable.example.com')).json.status;
    }
    assert.equal(status.acceptedNames.kind, 'CronTab');
    assert.deepEqual(status.storedVersions, ['v1']);
  });
});
