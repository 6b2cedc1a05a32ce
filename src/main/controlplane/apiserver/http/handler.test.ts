import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { ResourceRegistry } from '../resources/registry';
import { createTokenAuthenticator } from './auth';
import { createApiHandler } from './handler';
import { call, MemoryHandlers, SimpleSchema, simplePrinter, TEST_TOKEN as TOKEN } from './test-support';


describe('API HTTP front', () => {
  let server: Server;
  let port: number;
  const registry = new ResourceRegistry(BUILTIN_RESOURCES);

  before(async () => {
    const handler = createApiHandler({
      handlers: new MemoryHandlers(),
      resources: registry,
      schema: new SimpleSchema(),
      printer: simplePrinter,
      authenticator: createTokenAuthenticator({ [TOKEN]: 'admin' }),
    });
    server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  it('refuses requests without a valid bearer token with a 401 Status', async () => {
    for (const token of [null, 'wrong']) {
      const r = await call(port, 'GET', '/api/v1/pods', { token });
      assert.equal(r.status, 401);
      assert.equal(r.json.kind, 'Status');
      assert.equal(r.json.reason, 'Unauthorized');
    }
  });

  it('serves health and version anonymously', async () => {
    const h = await call(port, 'GET', '/readyz', { token: null });
    assert.equal(h.status, 200);
    assert.equal(h.text, 'ok');
    const v = await call(port, 'GET', '/livez?verbose', { token: null });
    assert.match(v.text, /\[\+\]ping ok\nlivez check passed/);
    const ver = await call(port, 'GET', '/version', { token: null });
    assert.equal(ver.json.major, '1');
    assert.match(ver.json.gitVersion, /^v1\.\d+\.\d+/);
  });

  it('answers an unknown resource with upstream 404 Status', async () => {
    const r = await call(port, 'GET', '/apis/example.com/v1/widgets');
    assert.equal(r.status, 404);
    assert.equal(r.json.reason, 'NotFound');
    assert.equal(r.json.message, 'the server could not find the requested resource');
    assert.equal(r.json.details.causes[0].reason, 'UnexpectedServerResponse');
  });

  it('answers 405 for a method the resource does not allow', async () => {
    const r = await call(port, 'POST', '/api/v1/namespaces/default/pods/web', { body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 405);
    assert.equal(r.json.reason, 'MethodNotAllowed');
    const dc = await call(port, 'DELETE', '/api/v1/namespaces');
    assert.equal(dc.status, 405);
  });

  it('creates from JSON and YAML and reads back, with Warning headers', async () => {
    const c = await call(port, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { warn: 'x' } } }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(c.status, 201);
    assert.equal(c.headers.warning, '299 - "something odd"');
    const y = await call(port, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: v\n',
      headers: { 'content-type': 'application/yaml' },
    });
    assert.equal(y.status, 201);
    const g = await call(port, 'GET', '/api/v1/namespaces/default/configmaps/b');
    assert.equal(g.json.data.k, 'v');
    const l = await call(port, 'GET', '/api/v1/configmaps');
    assert.equal(l.json.kind, 'ConfigMapList');
    assert.equal(l.json.items.length, 2);
  });

  it('rejects malformed bodies with a 400 Status naming the position', async () => {
    const j = await call(port, 'POST', '/api/v1/namespaces/default/configmaps', { body: '{\n  "a": }', headers: { 'content-type': 'application/json' } });
    assert.equal(j.status, 400);
    assert.equal(j.json.reason, 'BadRequest');
    assert.match(j.json.message, /line 2/);
    const y = await call(port, 'POST', '/api/v1/namespaces/default/configmaps', { body: 'a: b\n c: d: e\n', headers: { 'content-type': 'application/yaml' } });
    assert.equal(y.status, 400);
    assert.match(y.json.message, /^error converting YAML to JSON: yaml: line \d+/);
  });

  it('answers 415 for an unknown patch type and 413 for a huge body', async () => {
    const p = await call(port, 'PATCH', '/api/v1/namespaces/default/configmaps/a', { body: '{}', headers: { 'content-type': 'text/plain' } });
    assert.equal(p.status, 415);
    assert.equal(p.json.reason, 'UnsupportedMediaType');
    const big = Buffer.alloc(4 * 1024 * 1024, 'a');
    const t = await call(port, 'POST', '/api/v1/namespaces/default/configmaps', { body: big, headers: { 'content-type': 'application/json' } });
    assert.equal(t.status, 413);
    assert.equal(t.json.reason, 'RequestEntityTooLarge');
  });

  it('patches with the patch type named by Content-Type', async () => {
    const p = await call(port, 'PATCH', '/api/v1/namespaces/default/configmaps/a', { body: '{"data":{"x":"y"}}', headers: { 'content-type': 'application/merge-patch+json' } });
    assert.equal(p.status, 200);
    assert.equal(p.json.data.x, 'y');
  });

  it('converts get and list to a meta.k8s.io Table when kubectl asks', async () => {
    const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
    const l = await call(port, 'GET', '/api/v1/namespaces/default/configmaps', { headers: { accept } });
    assert.equal(l.json.kind, 'Table');
    assert.equal(l.json.apiVersion, 'meta.k8s.io/v1');
    assert.deepEqual(l.json.columnDefinitions.map((c: any) => c.name), ['Name', 'Age']);
    assert.deepEqual(l.json.rows[0].cells, ['a', '1d']);
    assert.equal(l.json.rows[0].object.kind, 'PartialObjectMetadata');
    const full = await call(port, 'GET', '/api/v1/namespaces/default/configmaps/b?includeObject=Object', { headers: { accept } });
    assert.equal(full.json.rows.length, 1);
    assert.equal(full.json.rows[0].object.data.k, 'v');
    const none = await call(port, 'GET', '/api/v1/namespaces/default/configmaps?includeObject=None', { headers: { accept } });
    assert.equal(none.json.rows[0].object, undefined);
  });

  it('answers JSON to clients that prefer protobuf', async () => {
    const r = await call(port, 'GET', '/api/v1/namespaces/default/configmaps/a', { headers: { accept: 'application/vnd.kubernetes.protobuf, */*' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/json');
  });

  it('serves OpenAPI with an ETag and revalidation', async () => {
    const v2 = await call(port, 'GET', '/openapi/v2', { headers: { accept: 'application/json' } });
    assert.equal(v2.json.swagger, '2.0');
    const again = await call(port, 'GET', '/openapi/v2', { headers: { accept: 'application/json', 'if-none-match': String(v2.headers.etag) } });
    assert.equal(again.status, 304);
    const pb = await call(port, 'GET', '/openapi/v2', { headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    assert.equal(pb.status, 200);
    assert.equal(pb.headers['content-type'], 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    const v3 = await call(port, 'GET', '/openapi/v3/api/v1?hash=ABC');
    assert.equal(v3.json.openapi, '3.0.0');
    assert.match(String(v3.headers['cache-control']), /immutable/);
  });
});
