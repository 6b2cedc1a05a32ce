// Web mode's security as a browser (or an attacker's page) meets it: the token, the Host and the
// Origin are all checked; a proper client gets the UI and a working bridge.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { BridgeRouter } from '../bridge/router';
import { startWebServer, type WebServer } from './server';

let web: WebServer;
const rendererDir = mkdtempSync(join(tmpdir(), 'wh-ui-'));

before(async () => {
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Wheelhouse</title>');
  const router = new BridgeRouter();
  router.handle('app.info', async () => ({ version: 'test', kubernetesVersion: 'v1.33.0', mode: 'web' }));
  web = await startWebServer(router, rendererDir);
});
after(() => web.close());

const get = (path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; cookie?: string; csp?: string }> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, cookie: res.headers['set-cookie']?.[0], csp: res.headers['content-security-policy'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });

const connect = (headers: Record<string, string>): Promise<WebSocket | number> =>
  new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => undefined);
  });

const host = () => `127.0.0.1:${web.port}`;
const origin = () => `http://127.0.0.1:${web.port}`;
const cookie = () => `wh_token=${web.token}`;

test('the printed URL opens the UI and sets an HttpOnly, SameSite=Strict cookie', async () => {
  const r = await get(`/?token=${web.token}`);
  assert.equal(r.status, 200);
  assert.match(r.body, /<title>Wheelhouse<\/title>/);
  assert.match(r.cookie ?? '', /^wh_token=.+; HttpOnly; SameSite=Strict; Path=\/$/);
  assert.match(r.csp ?? '', /default-src 'self'/);
});

test('no token or a wrong token gets 401', async () => {
  assert.equal((await get('/')).status, 401);
  assert.equal((await get('/?token=guess')).status, 401);
  assert.equal((await get('/', { Cookie: 'wh_token=guess' })).status, 401);
});

test('a foreign Host header gets 403 even with the token (DNS rebinding)', async () => {
  assert.equal((await get(`/?token=${web.token}`, { Host: 'evil.example:80' })).status, 403);
  assert.equal((await get(`/?token=${web.token}`, { Host: `localhost:${web.port}` })).status, 403);
});

test('the bridge refuses a missing token, a foreign Origin and a missing Origin', async () => {
  assert.equal(await connect({ Origin: origin() }), 401);
  assert.equal(await connect({ Cookie: cookie(), Origin: 'http://evil.example' }), 403);
  assert.equal(await connect({ Cookie: cookie() }), 403);
  assert.equal(await connect({ Cookie: cookie(), Origin: origin(), Host: 'evil.example' }), 403);
});

test('the app itself gets a working bridge, and malformed frames do not break it', async () => {
  const ws = await connect({ Cookie: cookie(), Origin: origin(), Host: host() });
  assert.ok(ws instanceof WebSocket);
  const messages: any[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
  ws.send('{not json');
  ws.send(JSON.stringify({ kind: 'request', id: 1, method: 'app.info' }));
  ws.send(JSON.stringify({ kind: 'request', id: 2, method: 'no.such' }));
  while (messages.filter((m) => m.id !== undefined).length < 2) await new Promise((r) => setTimeout(r, 10));
  assert.ok(messages.some((m) => m.kind === 'notify' && m.topic === 'bridge.error'));
  assert.deepEqual(messages.find((m) => m.id === 1), { kind: 'result', id: 1, result: { version: 'test', kubernetesVersion: 'v1.33.0', mode: 'web' } });
  assert.equal(messages.find((m) => m.id === 2).error.code, 'NotFound');
  ws.close();
});
