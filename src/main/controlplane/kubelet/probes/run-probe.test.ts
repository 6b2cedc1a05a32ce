import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createH2Server, type Http2Server } from 'node:http2';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { createCa, createServingCert } from '../../pki/generate';
import { runProbe } from './index';
import type { ProbeTarget } from './types';

const listen = async <T extends { listen(port: number, host: string, cb: () => void): unknown; address(): unknown }>(s: T): Promise<number> => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
};

/** a free port nothing listens on */
const closedPort = async (): Promise<number> => {
  const s = createTcpServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
};

/** exec runs the argv as a real host process, as the host sandbox would */
const target: ProbeTarget = {
  podIP: '127.0.0.1',
  exec: (argv, timeoutMs) =>
    new Promise((resolve, reject) => {
      const child = spawn(argv[0], argv.slice(1), { timeout: timeoutMs });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code ?? 137, output }));
    }),
};

let http: Server;
let httpPort: number;
let seen: IncomingHttpHeaders = {};
const servers: { close(): unknown }[] = [];

before(async () => {
  http = createHttpServer((req, res) => {
    seen = req.headers;
    if (req.url === '/ok') res.end('fine');
    else if (req.url === '/hop') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/away') res.writeHead(302, { location: 'http://example.invalid/x' }).end();
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 1500);
    else res.writeHead(500).end('boom');
  });
  httpPort = await listen(http);
  servers.push(http);
});
after(() => {
  for (const s of servers) s.close();
  http.closeAllConnections();
});

test('httpGet: 2xx/3xx succeed, other codes fail with upstream wording; headers, redirects and named ports', async () => {
  const probe = (path: string, extra = {}) => ({ httpGet: { path, port: httpPort, ...extra } });
  assert.deepEqual(await runProbe(probe('/ok', { httpHeaders: [{ name: 'X-Custom', value: 'a' }, { name: 'Accept', value: 'text/plain' }] }), target, 1000), { result: 'success', message: 'fine' });
  assert.equal(seen['user-agent'], 'kube-probe/1.33');
  assert.deepEqual([seen['x-custom'], seen.accept], ['a', 'text/plain']);
  assert.deepEqual(await runProbe(probe('/fail'), target, 1000), { result: 'failure', message: 'HTTP probe failed with statuscode: 500' });
  assert.deepEqual(await runProbe(probe('/hop'), target, 1000), { result: 'success', message: 'fine' });
  assert.deepEqual(await runProbe(probe('/away'), target, 1000), { result: 'success', message: 'Probe terminated redirects' });
  const named = { httpGet: { path: '/ok', port: 'web' } };
  assert.equal((await runProbe(named, target, 1000, { name: 'c', ports: [{ name: 'web', containerPort: httpPort }] })).result, 'success');
  assert.deepEqual(await runProbe(named, target, 1000, { name: 'c', ports: [] }), { result: 'failure', message: 'port web not found' });
});

test('httpGet: refused and timed-out connections read like Go', async () => {
  const port = await closedPort();
  assert.deepEqual(await runProbe({ httpGet: { path: '/healthz', port } }, target, 1000), {
    result: 'failure',
    message: `Get "http://127.0.0.1:${port}/healthz": dial tcp 127.0.0.1:${port}: connect: connection refused`,
  });
  assert.deepEqual(await runProbe({ httpGet: { path: '/slow', port: httpPort } }, target, 1000), {
    result: 'failure',
    message: `Get "http://127.0.0.1:${httpPort}/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
  });
});

test('httpGet over HTTPS does not verify the certificate, as upstream', async () => {
  const ca = await createCa(new Date());
  const cert = await createServingCert(ca, { dns: ['localhost'], ips: ['127.0.0.1'] }, new Date());
  const https = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) => res.end('secure'));
  servers.push(https);
  const port = await listen(https);
  assert.deepEqual(await runProbe({ httpGet: { scheme: 'HTTPS', path: '/', port } }, target, 2000), { result: 'success', message: 'secure' });
});

test('tcpSocket: open port succeeds, closed port is refused', async () => {
  assert.deepEqual(await runProbe({ tcpSocket: { port: httpPort } }, target, 1000), { result: 'success' });
  const port = await closedPort();
  assert.deepEqual(await runProbe({ tcpSocket: { port, host: '127.0.0.1' } }, target, 1000), { result: 'failure', message: `dial tcp 127.0.0.1:${port}: connect: connection refused` });
});

test('exec: exit 0 succeeds, the output is the failure message, a hung command times out', async () => {
  assert.deepEqual(await runProbe({ exec: { command: ['sh', '-c', 'echo ok'] } }, target, 1000), { result: 'success', message: 'ok\n' });
  assert.deepEqual(await runProbe({ exec: { command: ['cat', '/nonexistent/healthy'] } }, target, 1000), { result: 'failure', message: 'cat: /nonexistent/healthy: No such file or directory' });
  const slow = { exec: { command: ['sleep', '5'] } };
  const hung: ProbeTarget = { ...target, exec: () => new Promise(() => undefined) };
  assert.deepEqual(await runProbe(slow, hung, 200), { result: 'failure', message: 'command "sleep 5" timed out' });
});

test('grpc: the health protocol over HTTP/2', async () => {
  let status = 1;
  const h2: Http2Server = createH2Server();
  h2.on('stream', (stream, headers) => {
    if (headers[':path'] !== '/grpc.health.v1.Health/Check') {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12', 'grpc-message': 'unknown service' }, { endStream: true });
      return;
    }
    stream.on('data', () => undefined);
    stream.on('end', () => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(Buffer.from([0, 0, 0, 0, 2, 0x08, status]));
    });
  });
  servers.push(h2);
  const port = await listen(h2);
  assert.deepEqual(await runProbe({ grpc: { port } }, target, 1000), { result: 'success', message: 'service is healthy' });
  status = 2;
  assert.deepEqual(await runProbe({ grpc: { port, service: 'db' } }, target, 1000), { result: 'failure', message: 'service unhealthy (responseCode: "NOT_SERVING")' });
  const refused = await closedPort();
  const r = await runProbe({ grpc: { port: refused } }, target, 1000);
  assert.equal(r.result, 'failure');
  assert.match(r.message ?? '', new RegExp(`^error: failed to connect service at "127.0.0.1:${refused}"`));
});
