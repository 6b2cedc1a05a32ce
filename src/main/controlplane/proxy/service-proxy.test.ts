import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect, type Server as TcpServer } from 'node:net';
import type { Server } from 'node:http';
import { SharedInformerFactory, realClock, silentLogger, type ApiClient, type Obj } from '../client';
import { startTestApi, type TestApi } from '../client/test-support';
import { ServiceProxy } from './service-proxy';
import { closeAll, echoServer, eventually, fetchText, freePort, nameServer } from './test-support';

let api: TestApi;
let admin: ApiClient;
let informers: SharedInformerFactory;
let proxy: ServiceProxy;
let backendPort: number;
const servers: (Server | TcpServer)[] = [];

before(async () => {
  api = await startTestApi();
  admin = api.client('system:admin');
  informers = new SharedInformerFactory({ client: api.client('system:kube-proxy'), clock: realClock, logger: silentLogger });
  proxy = new ServiceProxy({ client: api.client('system:kube-proxy'), informers, clock: realClock, logger: silentLogger });
  proxy.start();
  informers.start();
  backendPort = await freePort('127.0.0.2');
  servers.push(await nameServer('127.0.0.2', backendPort, 'pod-a'), await nameServer('127.0.0.3', backendPort, 'pod-b'));
});

after(async () => {
  await proxy.stop();
  await informers.shutdown();
  await closeAll(servers);
  api.close();
});

const endpoint = (ip: string, ready = true, extra: Obj = {}): Obj => ({ addresses: [ip], conditions: { ready, ...extra } });

async function writeSlice(service: string, endpoints: Obj[], port = backendPort, name = `${service}-abc`): Promise<void> {
  const slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints,
    ports: [{ name: 'http', port, protocol: 'TCP' }],
  };
  const current = await admin.get('discovery.k8s.io/v1', 'EndpointSlice', 'default', name).catch(() => undefined);
  if (current) await admin.update({ ...slice, metadata: { ...slice.metadata, resourceVersion: current.metadata.resourceVersion } });
  else await admin.create(slice);
}

async function createService(name: string, spec: Obj): Promise<Obj> {
  return admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ name: 'http', port: 80, targetPort: backendPort }], ...spec } });
}

const answers = async (url: string, n: number): Promise<string[]> => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await fetchText(url));
  return out;
};

test('a NodePort Service answers on 127.0.0.1:<nodePort> and its ClusterIP, round robin over ready endpoints', async () => {
  const svc = await createService('web', { type: 'NodePort' });
  await writeSlice('web', [endpoint('127.0.0.2'), endpoint('127.0.0.3')]);
  const nodeUrl = `http://127.0.0.1:${svc.spec.ports[0].nodePort}/`;
  await eventually('the NodePort to answer', async () => ((await fetchText(nodeUrl)).startsWith('pod-') ? true : undefined));
  assert.deepEqual(new Set(await answers(nodeUrl, 4)), new Set(['pod-a', 'pod-b']));
  const first = await answers(nodeUrl, 4);
  assert.notEqual(first[0], first[1], `round robin alternates: ${first}`);
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    assert.deepEqual(new Set(await answers(`http://${svc.spec.clusterIP}/`, 4)), new Set(['pod-a', 'pod-b']));
  }
});

test('sessionAffinity ClientIP sends one client to one backend', async () => {
  await admin.patch('v1', 'Service', 'default', 'web', 'merge', { spec: { sessionAffinity: 'ClientIP' } });
  const svc = await admin.get('v1', 'Service', 'default', 'web');
  assert.equal(svc.spec.sessionAffinityConfig.clientIP.timeoutSeconds, 10800);
  const url = `http://127.0.0.1:${svc.spec.ports[0].nodePort}/`;
  const got = await eventually('affinity to apply', async () => {
    const a = await answers(url, 6);
    return new Set(a).size === 1 ? a : undefined;
  });
  assert.equal(new Set(got).size, 1);
  await admin.patch('v1', 'Service', 'default', 'web', 'merge', { spec: { sessionAffinity: 'None' } });
});

test('an endpoint turning not ready gets no more traffic; with none ready, connections are reset at once', async () => {
  const svc = await admin.get('v1', 'Service', 'default', 'web');
  const url = `http://127.0.0.1:${svc.spec.ports[0].nodePort}/`;
  await writeSlice('web', [endpoint('127.0.0.2'), endpoint('127.0.0.3', false)]);
  await eventually('pod-b to leave the rotation', async () => (new Set(await answers(url, 4)).size === 1 ? true : undefined));
  assert.deepEqual(new Set(await answers(url, 6)), new Set(['pod-a']));

  // Terminating but still serving endpoints take traffic when nothing is ready (upstream's fallback).
  await writeSlice('web', [endpoint('127.0.0.2', false), endpoint('127.0.0.3', false, { serving: true, terminating: true })]);
  await eventually('the terminating endpoint to serve', async () => ((await fetchText(url)) === 'pod-b' ? true : undefined));

  await writeSlice('web', [endpoint('127.0.0.2', false), endpoint('127.0.0.3', false)]);
  const started = Date.now();
  await eventually('connections to be refused', async () => ((await fetchText(url)) === 'ECONNRESET' ? true : undefined));
  assert.ok(Date.now() - started < 5000);
});

test('a refused backend is skipped for the next one', async () => {
  const svc = await admin.get('v1', 'Service', 'default', 'web');
  const url = `http://127.0.0.1:${svc.spec.ports[0].nodePort}/`;
  // 127.0.0.4 listens on nothing: its dial is refused and the connection moves on to pod-a.
  await writeSlice('web', [endpoint('127.0.0.2'), endpoint('127.0.0.4')]);
  await eventually('the Service to answer again', async () => ((await fetchText(url)) === 'pod-a' ? true : undefined));
  assert.deepEqual(await answers(url, 4), ['pod-a', 'pod-a', 'pod-a', 'pod-a']);
});

test('an open connection survives its endpoint leaving the slice', async () => {
  const echoPort = await freePort('127.0.0.2');
  servers.push(await echoServer('127.0.0.2', echoPort));
  const svc = await createService('echo', { type: 'NodePort', ports: [{ name: 'http', port: 7, targetPort: echoPort }] });
  await writeSlice('echo', [endpoint('127.0.0.2')], echoPort);
  const socket = await eventually('the echo Service to accept', () =>
    new Promise<ReturnType<typeof connect> | undefined>((resolve) => {
      const s = connect(svc.spec.ports[0].nodePort, '127.0.0.1');
      s.once('data', () => resolve(s));
      s.once('error', () => resolve(undefined));
      s.write('hello');
    }),
  );
  await writeSlice('echo', [], echoPort);
  await new Promise((r) => setTimeout(r, 300));
  const echoed = await new Promise<string>((resolve) => {
    socket.once('data', (d) => resolve(String(d)));
    socket.write('still here');
  });
  assert.equal(echoed, 'still here');
  socket.destroy();
});

test('a LoadBalancer Service gets ingress 127.0.0.1 on a free port; a taken port leaves it empty with a Warning', async () => {
  const port = await freePort();
  await createService('lb', { type: 'LoadBalancer', ports: [{ name: 'http', port, targetPort: backendPort }] });
  await writeSlice('lb', [endpoint('127.0.0.3')]);
  const ingress = await eventually('the ingress', async () => (await admin.get('v1', 'Service', 'default', 'lb')).status?.loadBalancer?.ingress);
  assert.deepEqual(ingress, [{ ip: '127.0.0.1', ipMode: 'VIP' }]);
  assert.equal(await eventually('the LB port', async () => ((await fetchText(`http://127.0.0.1:${port}/`)) === 'pod-b' ? 'pod-b' : undefined)), 'pod-b');

  const takenPort = await freePort();
  servers.push(await nameServer('127.0.0.1', takenPort, 'someone-else'));
  await createService('lb-taken', { type: 'LoadBalancer', ports: [{ name: 'http', port: takenPort, targetPort: backendPort }] });
  const event = await eventually('a SyncLoadBalancerFailed event', async () =>
    (await admin.list('v1', 'Event', { namespace: 'default' })).items.find((e: Obj) => e.involvedObject.name === 'lb-taken' && e.reason === 'SyncLoadBalancerFailed'),
  );
  assert.equal(event.type, 'Warning');
  assert.match(event.message, new RegExp(`127\\.0\\.0\\.1:${takenPort} already in use`));
  assert.equal((await admin.get('v1', 'Service', 'default', 'lb-taken')).status?.loadBalancer?.ingress, undefined);
});

test('a UDP Service port relays datagrams and their replies', async () => {
  const echo = createSocket('udp4');
  echo.on('message', (msg, from) => echo.send(Buffer.concat([Buffer.from('echo:'), msg]), from.port, from.address));
  await new Promise<void>((r) => echo.bind(0, '127.0.0.2', () => r()));
  const port = echo.address().port;
  try {
    const svc = await admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'udp', namespace: 'default' }, spec: { type: 'NodePort', ports: [{ name: 'u', port: 5353, protocol: 'UDP', targetPort: port }] } });
    await admin.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'udp-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'udp' } },
      addressType: 'IPv4',
      endpoints: [endpoint('127.0.0.2')],
      ports: [{ name: 'u', port, protocol: 'UDP' }],
    });
    const client = createSocket('udp4');
    const reply = await eventually('a UDP reply', () =>
      new Promise<string | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), 300);
        client.once('message', (msg) => (clearTimeout(timer), resolve(String(msg))));
        client.send('ping', svc.spec.ports[0].nodePort, '127.0.0.1');
      }),
    );
    client.close();
    assert.equal(reply, 'echo:ping');
  } finally {
    echo.close();
  }
});

test('deleting a Service closes its ports', async () => {
  const svc = await admin.get('v1', 'Service', 'default', 'web');
  const url = `http://127.0.0.1:${svc.spec.ports[0].nodePort}/`;
  await admin.delete('v1', 'Service', 'default', 'web');
  await eventually('the NodePort to close', async () => ((await fetchText(url)) === 'ECONNREFUSED' ? true : undefined));
});
