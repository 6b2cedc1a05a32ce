import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startInProcessApi, type InProcessApi } from '../../cluster/in-process';
import { ApiClient } from '../../client';
import { KubeletServer } from './server';
import { StreamError, type ContainerStreams } from './types';

const TOKEN = 'kubelet-test-token';
// The kubelet's own checks come before any runtime call, so a runtime that refuses everything is enough here.
const refuse = (): never => {
  throw new StreamError(500, 'the runtime was called');
};
const streams: ContainerStreams = { exec: refuse, attach: refuse, portForward: refuse, logFiles: refuse };

let api: InProcessApi;
let server: KubeletServer;

const get = (path: string, token?: string): Promise<{ code: number; body: any }> =>
  new Promise((resolve, reject) => {
    const headers = token ? { Authorization: `Bearer ${token}` } : undefined;
    request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, body: JSON.parse(text) }));
    })
      .on('error', reject)
      .end();
  });

before(async () => {
  api = await startInProcessApi();
  const client = new ApiClient({ handlers: api.storage, resources: api.resources, user: 'system:admin', userAgent: 'kubelet-server-test' });
  for (const [name, nodeName] of [['here', 'node-a'], ['elsewhere', 'node-b']]) {
    const pod = await client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [{ name: 'c', image: 'busybox' }] } });
    await client.updateStatus({ ...pod, status: { containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } });
  }
  server = new KubeletServer({ nodeName: 'node-a', token: TOKEN, streams, logger: { warn: () => undefined }, getPod: (ns, name) => client.get('v1', 'Pod', ns, name).catch(() => undefined) });
  await server.listen();
});
after(async () => {
  await server.close();
  api.close();
});

describe('kubelet server', () => {
  test('answers only the token it was given', async () => {
    assert.equal((await get('/containerLogs/default/here/c')).code, 401);
    assert.equal((await get('/containerLogs/default/here/c', 'wrong')).code, 401);
  });

  test("serves only its own node's pods", async () => {
    const r = await get('/containerLogs/default/elsewhere/c', TOKEN);
    assert.equal(r.code, 404);
    assert.equal(r.body.message, 'pod does not exist');
  });

  test('says why a container has no logs yet, before asking the runtime', async () => {
    const r = await get('/containerLogs/default/here/c', TOKEN);
    assert.deepEqual([r.code, r.body.reason, r.body.message], [400, 'BadRequest', 'container "c" in pod "here" is waiting to start: ContainerCreating']);
    assert.equal((await get('/containerLogs/default/here/c?tailLines=-1', TOKEN)).body.message, 'tailLines: Invalid value: -1: must be greater than or equal to 0');
  });

  test('exec needs an upgraded connection', async () => {
    const r = await get('/exec/default/here/c?command=true&stdout=1', TOKEN);
    assert.deepEqual([r.code, r.body.message], [400, 'Upgrade request required']);
  });
});
