import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import * as dnsPacket from 'dns-packet';
import { SharedInformerFactory, realClock, silentLogger, type ApiClient, type Obj } from '../client';
import { startTestApi, type TestApi } from '../client/test-support';
import { startClusterDns, type DnsServer } from './index';
import { ClusterRecords } from './records';
import { Forwarder, hostUpstreams } from './forwarder';
import { Responder } from './responder';

let api: TestApi;
let admin: ApiClient;
let informers: SharedInformerFactory;
let dns: DnsServer;
let web: Obj;

before(async () => {
  api = await startTestApi();
  admin = api.client('system:admin');
  informers = new SharedInformerFactory({ client: api.client('system:kube-proxy'), clock: realClock, logger: silentLogger });
  dns = await startClusterDns({ informers, logger: silentLogger, binds: [{ ip: '127.0.0.1', port: 0 }] });
  informers.start();
  const svc = (name: string, spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });
  web = await admin.create(svc('web', { ports: [{ name: 'http', port: 80 }] }));
  await admin.create(svc('db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432 }] }));
  await admin.create(svc('ext', { type: 'ExternalName', externalName: 'example.com' }));
  await admin.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'db-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } },
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['10.244.0.7'], hostname: 'db-0', conditions: { ready: true } },
      { addresses: ['10.244.0.8'], hostname: 'db-1', conditions: { ready: false } },
      { addresses: ['10.244.0.9'], conditions: { ready: true } },
    ],
    ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
  });
  await informers.waitForCacheSync();
  // The slice is written last: wait until the cache has it.
  await waitFor(async () => (await udp('db.default.svc.cluster.local')).answers?.length === 2);
});

after(async () => {
  await dns.stop();
  await informers.shutdown();
  api.close();
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
}

/** what the tests read of a reply (dns-packet's types leave rcode and record data out) */
interface Reply {
  rcode: string;
  flag_aa: boolean;
  answers: { type: string; ttl?: number; data: any }[];
  authorities: { type: string }[];
}
const decode = (msg: Buffer): Reply => dnsPacket.decode(msg) as unknown as Reply;

const query = (name: string, type: string): Buffer =>
  dnsPacket.encode({ type: 'query', id: Math.floor(Math.random() * 65535), flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: type as 'A', name }] });

function udp(name: string, type = 'A', port = dns.port, ip = dns.ip): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => (socket.close(), reject(new Error(`no UDP answer for ${name}`))), 5000);
    socket.on('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      resolve(decode(msg));
    });
    socket.send(query(name, type), port, ip);
  });
}

function tcp(name: string, type = 'A'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect(dns.port, dns.ip, () => socket.write(dnsPacket.streamEncode({ type: 'query', id: 7, questions: [{ type: type as 'A', name }] })));
    let data = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
        socket.destroy();
        resolve(decode(data.subarray(2)));
      }
    });
    socket.on('error', reject);
  });
}

const ips = (p: Reply): unknown[] => (p.answers ?? []).map((a) => a.data);

test('a Service name answers its ClusterIP over UDP and TCP, authoritatively, with TTL 30', async () => {
  for (const answer of [await udp('web.default.svc.cluster.local'), await tcp('WEB.default.svc.cluster.local.')]) {
    assert.equal(answer.rcode, 'NOERROR');
    assert.equal(answer.flag_aa, true);
    assert.deepEqual(ips(answer), [web.spec.clusterIP]);
    assert.equal(answer.answers?.[0].ttl, 30);
  }
});

test('unknown names in cluster.local are NXDOMAIN, search-list expansions included; other types of a known name are empty', async () => {
  assert.equal((await udp('nope.default.svc.cluster.local')).rcode, 'NXDOMAIN');
  // What "web.default" becomes through a pod's first search domain.
  assert.equal((await udp('web.default.default.svc.cluster.local')).rcode, 'NXDOMAIN');
  const aaaa = await udp('web.default.svc.cluster.local', 'AAAA');
  assert.equal(aaaa.rcode, 'NOERROR');
  assert.deepEqual(aaaa.answers, []);
  assert.equal(aaaa.authorities?.[0].type, 'SOA');
});

test('headless Services answer their ready endpoints; hostnames and SRV records name them', async () => {
  assert.deepEqual(ips(await udp('db.default.svc.cluster.local')), ['10.244.0.7', '10.244.0.9']);
  assert.deepEqual(ips(await udp('db-0.db.default.svc.cluster.local')), ['10.244.0.7']);
  assert.deepEqual(ips(await udp('10-244-0-9.db.default.svc.cluster.local')), ['10.244.0.9']);
  assert.equal((await udp('db-1.db.default.svc.cluster.local')).rcode, 'NXDOMAIN');
  const srv = await udp('_pg._tcp.db.default.svc.cluster.local', 'SRV');
  assert.deepEqual(srv.answers?.map((a) => (a.data as { target: string }).target), ['db-0.db.default.svc.cluster.local', '10-244-0-9.db.default.svc.cluster.local']);
  const webSrv = await udp('_http._tcp.web.default.svc.cluster.local', 'SRV');
  assert.deepEqual(webSrv.answers?.[0].data, { priority: 0, weight: 100, port: 80, target: 'web.default.svc.cluster.local' });
});

test('ExternalName is a CNAME; a ClusterIP has a PTR', async () => {
  const ext = await udp('ext.default.svc.cluster.local');
  assert.deepEqual(ext.answers?.map((a) => [a.type, a.data]), [['CNAME', 'example.com']]);
  const ptrName = `${web.spec.clusterIP.split('.').reverse().join('.')}.in-addr.arpa`;
  assert.deepEqual(ips(await udp(ptrName, 'PTR')), ['web.default.svc.cluster.local']);
});

test('other names go to the host resolvers', async (t) => {
  const upstream = hostUpstreams()[0];
  const direct = upstream ? await udp('example.com', 'A', 53, upstream).catch(() => undefined) : undefined;
  if (!direct || direct.rcode !== 'NOERROR') return t.skip('the host resolver does not answer (offline)');
  const answer = await udp('example.com');
  assert.equal(answer.rcode, 'NOERROR');
  assert.ok((answer.answers ?? []).some((a) => a.type === 'A'));
});

test('other names are forwarded to the upstream and its answer relayed', async () => {
  const upstream = createSocket('udp4');
  upstream.on('message', (msg, from) => {
    const q = dnsPacket.decode(msg);
    upstream.send(dnsPacket.encode({ type: 'response', id: q.id, flags: dnsPacket.RECURSION_AVAILABLE, questions: q.questions, answers: [{ type: 'A', name: q.questions![0].name, ttl: 60, data: '192.0.2.1' }] }), from.port, from.address);
  });
  await new Promise<void>((r) => upstream.bind(0, '127.0.0.1', () => r()));
  const forwarding = await startClusterDns({ informers, logger: silentLogger, binds: [{ ip: '127.0.0.1', port: 0 }], upstreams: [`127.0.0.1:${upstream.address().port}`] });
  try {
    const answer = await udp('www.example.org', 'A', forwarding.port);
    assert.deepEqual(ips(answer), ['192.0.2.1']);
    assert.equal(answer.flag_aa, false);
  } finally {
    await forwarding.stop();
    upstream.close();
  }
});

test('a forward nobody answers is SERVFAIL, not a hang', async () => {
  const responder = new Responder(new ClusterRecords(informers), new Forwarder(['127.0.0.9'], 200));
  const reply = await responder.respond(query('example.org', 'A'), 65_507);
  assert.equal(decode(reply!).rcode, 'SERVFAIL');
});
