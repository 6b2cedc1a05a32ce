// Services carry traffic on a real `wheelhouse cluster start`: pods run as host processes in their own
// network namespaces (the process runtime), the service proxy listens on ClusterIPs, NodePorts and
// LoadBalancer ports, and the cluster DNS answers pods at 10.96.0.10. Driven with the newest kubectl.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { get } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';
import { type ClusterProcess } from './harness';
import { useCluster, eventually, kubectlsOrSkip, sleep } from './suite';
import { KubectlSession } from './kubectl';

const kubectls = kubectlsOrSkip();
const newest = kubectls.at(-1);
// Two replicas on one containerPort and names resolving inside pods need per-pod network namespaces.
const skip = !newest ? 'no kubectl installed' : process.platform !== 'linux' || process.getuid?.() !== 0 ? 'pod network namespaces need Linux and root' : false;
let cluster: ClusterProcess;

useCluster((c) => (cluster = c));

/** an HTTP server on 8080 that answers with its pod's name */
const server = (name: string, namespace: string, replicas: number, serviceType: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: web
        image: node
        command: [node, -e, "require('http').createServer((q, s) => s.end(require('os').hostname())).listen(8080)"]
        ports: [{name: http, containerPort: 8080}]
        readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 1}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  type: ${serviceType}
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: http}]
`;

const fetchText = (url: string): Promise<string> =>
  new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve(`error: ${err.message}`));
  });

/** the rcode 10.96.0.10:53 gives for a name, from the host */
const rcodeAtClusterDns = (name: string): Promise<string> =>
  new Promise((resolve) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => (socket.close(), resolve('timeout')), 3000);
    socket.on('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      resolve((dnsPacket.decode(msg) as unknown as { rcode: string }).rcode);
    });
    socket.send(dnsPacket.encode({ type: 'query', id: 1, questions: [{ type: 'A', name }] }), 53, '10.96.0.10');
  });

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('Services', { skip }, () => {
  let k: KubectlSession;
  before(() => {
    k = new KubectlSession(newest!, cluster.kubeconfig, 'default');
  });

  test('a 2-replica HTTP server behind a NodePort Service answers on 127.0.0.1:<nodePort> from both replicas', async () => {
    k.ok(['apply', '-f', '-'], { input: server('hello', 'default', 2, 'NodePort') });
    k.ok(['rollout', 'status', 'deployment/hello', '--timeout=60s']);
    const pods = k.ok(['get', 'pods', '-l', 'app=hello', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ').sort();
    assert.equal(pods.length, 2);
    const nodePort = k.ok(['get', 'svc', 'hello', '-o', 'jsonpath={.spec.ports[0].nodePort}']);
    const seen = new Set<string>();
    const deadline = Date.now() + 30_000;
    while (seen.size < 2 && Date.now() < deadline) {
      const body = await fetchText(`http://127.0.0.1:${nodePort}/`);
      if (pods.includes(body)) seen.add(body);
      else await sleep(200);
    }
    assert.deepEqual([...seen].sort(), pods);
    const clusterIP = k.ok(['get', 'svc', 'hello', '-o', 'jsonpath={.spec.clusterIP}']);
    assert.ok(pods.includes(await fetchText(`http://${clusterIP}/`)), 'the ClusterIP answers on the host too');
  });

  test('a pod reaches another Service as my-svc, my-svc.my-ns and my-svc.my-ns.svc.cluster.local', async (t) => {
    k.ok(['create', 'namespace', 'my-ns']);
    const m = new KubectlSession(newest!, cluster.kubeconfig, 'my-ns');
    m.ok(['apply', '-f', '-'], { input: server('my-svc', 'my-ns', 1, 'ClusterIP') });
    m.ok(['rollout', 'status', 'deployment/my-svc', '--timeout=60s']);
    // Pods' resolv.conf names 10.96.0.10; with two clusters on one host only one of them can have it.
    if ((await rcodeAtClusterDns('my-svc.my-ns.svc.cluster.local')) !== 'NOERROR') return t.skip('10.96.0.10:53 is held by another cluster on this host');
    const urls = ['http://my-svc', 'http://my-svc.my-ns', 'http://my-svc.my-ns.svc.cluster.local'];
    const script = `const h = require('http');
const go = (u) => new Promise((r) => h.get(u, (res) => { let b = ''; res.on('data', (d) => (b += d)); res.on('end', () => r(u + ' ' + b)); }).on('error', (e) => r(u + ' error ' + e.message)));
(async () => { for (const u of ${JSON.stringify(urls)}) console.log(await go(u)); })();`;
    m.ok(['run', 'client', '--image=node', '--restart=Never', '--command', '--', 'node', '-e', script]);
    await eventually('the client pod to finish', () => /Succeeded|Failed/.test(m.ok(['get', 'pod', 'client', '-o', 'jsonpath={.status.phase}'])), 60_000);
    const serverPod = m.ok(['get', 'pods', '-l', 'app=my-svc', '-o', 'jsonpath={.items[0].metadata.name}']);
    const lines = m.ok(['logs', 'client']).trim().split('\n');
    assert.deepEqual(lines, urls.map((u) => `${u} ${serverPod}`));
  });

  test('a LoadBalancer Service shows EXTERNAL-IP 127.0.0.1 and answers on its port', async () => {
    const port = await freePort();
    k.ok(['expose', 'deployment', 'hello', '--name=hello-lb', '--type=LoadBalancer', `--port=${port}`, '--target-port=8080']);
    await eventually('the external IP', () => /127\.0\.0\.1/.test(k.ok(['get', 'svc', 'hello-lb'])), 20_000);
    const pods = k.ok(['get', 'pods', '-l', 'app=hello', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
    assert.ok(pods.includes(await fetchText(`http://127.0.0.1:${port}/`)));
  });
});
