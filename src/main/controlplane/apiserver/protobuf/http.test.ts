// The hook in the HTTP front: protobuf bodies are decoded, their skipped fields come back as
// Warning headers, broken ones as a 400 Status, and a front without the decoder keeps its 415.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTokenAuthenticator } from '../http/auth';
import { createApiHandler } from '../http/handler';
import { call, MemoryHandlers, SimpleSchema, simplePrinter, TEST_TOKEN } from '../http/test-support';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { ResourceRegistry } from '../resources/registry';
import { DefinitionStore } from '../schema/definitions';
import { createProtobufDecoder, PROTOBUF_MEDIA_TYPE } from './decoder';
import { envelope, objectMeta, str, strMap } from './test-encoder';

const listen = async (withDecoder: boolean): Promise<Server> => {
  const server = createServer(
    createApiHandler({
      handlers: new MemoryHandlers(),
      resources: new ResourceRegistry(BUILTIN_RESOURCES),
      schema: new SimpleSchema(),
      printer: simplePrinter,
      authenticator: createTokenAuthenticator({ [TEST_TOKEN]: 'admin' }),
      protobuf: withDecoder ? createProtobufDecoder(new DefinitionStore()) : undefined,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
};

const portOf = (s: Server): number => (s.address() as AddressInfo).port;
const headers = { 'content-type': PROTOBUF_MEDIA_TYPE, accept: `${PROTOBUF_MEDIA_TYPE}, */*` };

describe('protobuf request bodies over HTTP', () => {
  let server: Server;
  let bare: Server;
  before(async () => {
    [server, bare] = await Promise.all([listen(true), listen(false)]);
  });
  after(() => {
    server.close();
    bare.close();
  });

  it('creates from a protobuf body and answers JSON, with skipped fields as warnings', async () => {
    const body = envelope('v1', 'ConfigMap', objectMeta('cfg'), ...strMap(2, { a: 'b' }), str(42, 'from the future'));
    const r = await call(portOf(server), 'POST', '/api/v1/namespaces/default/configmaps', { body, headers });
    assert.equal(r.status, 201, r.text);
    assert.match(String(r.headers['content-type']), /application\/json/);
    assert.deepEqual(r.json.data, { a: 'b' });
    assert.match(String(r.headers.warning), /299 - "protobuf: unknown field number 42 in ConfigMap was ignored"/);
  });

  it('answers a truncated body with a 400 Status', async () => {
    const body = envelope('v1', 'ConfigMap', objectMeta('cut'), ...strMap(2, { a: 'b' }));
    const r = await call(portOf(server), 'POST', '/api/v1/namespaces/default/configmaps', { body: body.subarray(0, body.length - 9), headers });
    assert.equal(r.status, 400);
    assert.equal(r.json.kind, 'Status');
    assert.match(r.json.message, /^error decoding protobuf body: .*truncated/);
  });

  it('keeps answering 415 when no decoder is wired', async () => {
    const r = await call(portOf(bare), 'POST', '/api/v1/namespaces/default/configmaps', { body: envelope('v1', 'ConfigMap', objectMeta('x')), headers });
    assert.equal(r.status, 415);
  });
});
