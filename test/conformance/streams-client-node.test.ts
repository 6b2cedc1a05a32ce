// @kubernetes/client-node's Exec, Log and PortForward through the API server to a real kubelet
// server (WebSocket channels v5/v4 and the port-forward framing client-node speaks).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { Exec, KubeConfig, Log, PortForward, type V1Status } from '@kubernetes/client-node';
import { formatLogRecord } from '../../src/main/controlplane/kubelet/logs/cri-format';
import { placePod, running, startStreamsFixture, writeLog, type StreamsFixture } from './streams/fixture';

let f: StreamsFixture;
const kc = new KubeConfig();

before(async () => {
  f = await startStreamsFixture();
  kc.loadFromFile(f.kubeconfig);
  await placePod(f, 'web', ['app'], [running('app')]);
  const file = writeLog(f, 'web.log', ['a', 'b', 'c'].map((l, i) => formatLogRecord(`2026-01-01T00:00:0${i}Z`, 'stdout', l)));
  f.streams.logs.set('web/app', { current: [file], running: false });
});
after(() => f?.stop());

const collect = (s: PassThrough): (() => string) => {
  let text = '';
  s.on('data', (d) => (text += d));
  return () => text;
};

test('Exec: stdout, stderr, stdin and the exit status', async () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const [out, err] = [collect(stdout), collect(stderr)];
  const status = await new Promise<V1Status>((resolve, reject) => {
    new Exec(kc).exec('default', 'web', 'app', ['sh', '-c', 'read x; echo "got $x"; echo oops >&2; exit 2'], stdout, stderr, Readable.from(['line\n']), false, resolve).catch(reject);
  });
  assert.equal(status.status, 'Failure');
  assert.equal(status.reason, 'NonZeroExitCode');
  assert.deepEqual(status.details?.causes, [{ reason: 'ExitCode', message: '2' }]);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(out(), 'got line\n');
  assert.equal(err(), 'oops\n');
});

test('Exec: a successful command reports Success', async () => {
  const stdout = new PassThrough();
  const out = collect(stdout);
  const status = await new Promise<V1Status>((resolve, reject) => {
    new Exec(kc).exec('default', 'web', 'app', ['echo', 'fine'], stdout, null, null, false, resolve).catch(reject);
  });
  assert.equal(status.status, 'Success');
  assert.equal(out(), 'fine\n');
});

test('Log: tail and timestamps', async () => {
  const sink = new PassThrough();
  const text = collect(sink);
  await new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    new Log(kc).log('default', 'web', 'app', sink, { tailLines: 2, timestamps: true }).catch(reject);
  });
  assert.equal(text(), '2026-01-01T00:00:01Z b\n2026-01-01T00:00:02Z c\n');
});

test('PortForward: a local listener reaches the pod port', async () => {
  const web: Server = createHttpServer((req, res) => res.end(`pod says ${req.url}`));
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
  f.streams.ports.set(8080, (web.address() as { port: number }).port);
  const forward = new PortForward(kc);
  const local: TcpServer = createTcpServer((socket) => void forward.portForward('default', 'web', [8080], socket, null, socket));
  await new Promise<void>((r) => local.listen(0, '127.0.0.1', () => r()));
  try {
    const port = (local.address() as { port: number }).port;
    const body = await (await fetch(`http://127.0.0.1:${port}/hi`, { headers: { Connection: 'close' } })).text();
    assert.equal(body, 'pod says /hi');
  } finally {
    local.close();
    web.close();
  }
});
