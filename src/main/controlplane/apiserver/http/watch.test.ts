import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { ResourceRegistry } from '../resources/registry';
import { createTokenAuthenticator } from './auth';
import { createApiHandler } from './handler';
import { MemoryHandlers, SimpleSchema, simplePrinter } from './test-support';

/** Opens a watch and collects parsed lines until `count` arrived. */
const watchLines = (port: number, path: string, accept: string, count: number, onOpen: (res: IncomingMessage) => void): Promise<{ res: IncomingMessage; events: any[] }> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { authorization: 'Bearer t', accept } }, (res) => {
      const events: any[] = [];
      let buf = '';
      onOpen(res);
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, nl)));
          buf = buf.slice(nl + 1);
        }
        if (events.length >= count) {
          req.destroy();
          resolve({ res, events });
        }
      });
    });
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });

describe('watch streaming', () => {
  let server: Server;
  let port: number;
  const handlers = new MemoryHandlers();
  const registry = new ResourceRegistry(BUILTIN_RESOURCES);
  const cm = registry.lookup('', 'v1', 'configmaps')!;
  const info = (name: string) => ({ verb: 'create' as const, resource: cm, namespace: 'default', name, query: new URLSearchParams(), user: 'u', userAgent: '' });

  before(async () => {
    server = createServer(createApiHandler({ handlers, resources: registry, schema: new SimpleSchema(), printer: simplePrinter, authenticator: createTokenAuthenticator({ t: 'admin' }) }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  it('streams one JSON event per line as changes happen', async () => {
    const got = watchLines(port, '/api/v1/namespaces/default/configmaps?watch=1', 'application/json', 2, () => {
      void handlers.create(info('one'), { metadata: { name: 'one' } }).then(() => handlers.delete(info('one')));
    });
    const { res, events } = await got;
    assert.equal(res.headers['content-type'], 'application/json;stream=watch');
    assert.equal(res.headers['transfer-encoding'], 'chunked');
    assert.deepEqual(events.map((e) => e.type), ['ADDED', 'DELETED']);
    assert.equal(events[0].object.metadata.name, 'one');
  });

  it('sends one-row Tables per event for kubectl get -w, headers only first', async () => {
    const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
    const { events } = await watchLines(port, '/api/v1/watch/namespaces/default/configmaps', accept, 2, () => {
      void handlers.create(info('two'), { metadata: { name: 'two' } }).then(() => handlers.create(info('three'), { metadata: { name: 'three' } }));
    });
    assert.equal(events[0].object.kind, 'Table');
    assert.equal(events[0].object.rows.length, 1);
    assert.equal(events[0].object.rows[0].cells[0], 'two');
    assert.equal(events[0].object.columnDefinitions.length, 2);
    assert.equal(events[1].object.columnDefinitions.length, 0);
  });
});
