import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { ApiClient, realClock, silentLogger } from '../client';
import { startInProcessApi } from './in-process';
import { startServiceNetwork } from './service-network';
import { eventually, fetchText, freePort, nameServer, closeAll } from '../proxy/test-support';
import { acquireMachineLock, releaseMachineLock } from '../../../../test/machine-lock';

const canOwnAddresses = process.platform === 'linux' && process.getuid?.() === 0;
const loAddresses = (): string => execFileSync('ip', ['-4', 'addr', 'show', 'dev', 'lo'], { encoding: 'utf8' });

function resolveA(name: string, address: string): Promise<string[]> {
  const [ip, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => (socket.close(), reject(new Error('no answer'))), 3000);
    socket.on('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      resolve((dnsPacket.decode(msg).answers ?? []).map((a) => String((a as { data?: unknown }).data)));
    });
    socket.send(dnsPacket.encode({ type: 'query', id: 1, questions: [{ type: 'A', name }] }), Number(port), ip);
  });
}

test('the service network resolves kube-dns, proxies a ClusterIP, and takes its addresses off lo when it stops', async (t) => {
  // 10.96.0.10:53 is the machine's: wait for any process-runtime cluster of another suite to finish.
  await acquireMachineLock();
  t.after(releaseMachineLock);
  const api = await startInProcessApi();
  const client = (user: string): ApiClient => new ApiClient({ handlers: api.storage, resources: api.resources, user, userAgent: `${user.split(':').pop()}/v1.33.0` });
  const admin = client('system:admin');
  const network = await startServiceNetwork({ client: client('system:kube-proxy'), clock: realClock, logger: silentLogger });
  const port = await freePort('127.0.0.2');
  const backend = await nameServer('127.0.0.2', port, 'backend');
  try {
    if (canOwnAddresses && network.dnsAddress.startsWith('10.96.0.10')) assert.match(loAddresses(), /10\.96\.0\.10\/32/);
    assert.deepEqual(await eventually('kube-dns to resolve', async () => ((await resolveA('kube-dns.kube-system.svc.cluster.local', network.dnsAddress)).length ? resolveA('kube-dns.kube-system.svc.cluster.local', network.dnsAddress) : undefined)), ['10.96.0.10']);

    const svc = await admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'app', namespace: 'default' }, spec: { ports: [{ port: 80, targetPort: port }] } });
    await admin.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'app-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'app' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['127.0.0.2'], conditions: { ready: true } }],
      ports: [{ name: '', port, protocol: 'TCP' }],
    });
    assert.deepEqual(await eventually('app to resolve', async () => ((await resolveA('app.default.svc.cluster.local', network.dnsAddress))[0] ? resolveA('app.default.svc.cluster.local', network.dnsAddress) : undefined)), [svc.spec.clusterIP]);
    if (canOwnAddresses) {
      assert.equal(await eventually('the ClusterIP to answer', async () => ((await fetchText(`http://${svc.spec.clusterIP}/`)) === 'backend' ? 'backend' : undefined)), 'backend');
      assert.match(loAddresses(), new RegExp(`${svc.spec.clusterIP.replace(/\./g, '\\.')}/32`));
    }
    await network.stop();
    if (canOwnAddresses) assert.doesNotMatch(loAddresses(), new RegExp(`${svc.spec.clusterIP.replace(/\./g, '\\.')}/32`));
    assert.equal(await fetchText(`http://${svc.spec.clusterIP}/`).then((r) => (r === 'backend' ? 'still answering' : 'gone')), 'gone');
  } finally {
    await network.stop().catch(() => undefined);
    await closeAll([backend]);
    api.close();
  }
});
