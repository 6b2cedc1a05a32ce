// Figure: throughput through a Service (the in-process service proxy, NodePort on 127.0.0.1) against a
// direct connection to the same backend, in the same run. The backend and the client are separate
// Node processes, as pods are; the proxy runs in this process with the API server, as in a cluster.
// Each run downloads SIZE_MB over one connection; MB/s medians of RUNS runs, alternating direct/proxied.
import { spawn, type ChildProcess } from 'node:child_process';
import { ApiClient, SharedInformerFactory, realClock, silentLogger } from '../src/main/controlplane/client';
import { startInProcessApi } from '../src/main/controlplane/cluster/in-process';
import { ServiceProxy } from '../src/main/controlplane/proxy';

const SIZE_MB = Number(process.env.SIZE_MB ?? 256);
const RUNS = Number(process.env.RUNS ?? 5);
const BACKEND_IP = '127.0.0.2';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const BACKEND = `
const net = require('node:net');
const chunk = Buffer.alloc(64 * 1024, 120);
const total = ${SIZE_MB} * 1024 * 1024;
const server = net.createServer((s) => {
  let sent = 0;
  const pump = () => { while (sent < total) { sent += chunk.length; if (!s.write(chunk)) return s.once('drain', pump); } s.end(); };
  s.on('error', () => {});
  pump();
});
server.listen(0, '${BACKEND_IP}', () => console.log(server.address().port));
`;

const CLIENT = `
const net = require('node:net');
const [host, port] = process.argv.slice(1);
const t = process.hrtime.bigint();
let bytes = 0;
const s = net.connect(Number(port), host);
s.on('data', (d) => (bytes += d.length));
s.on('end', () => { const sec = Number(process.hrtime.bigint() - t) / 1e9; console.log(JSON.stringify({ bytes, mbps: bytes / 1048576 / sec })); });
s.on('error', (e) => { console.error(e.message); process.exit(1); });
`;

function startBackend(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', BACKEND], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout!.once('data', (d) => resolve({ child, port: Number(String(d).trim()) })));
}

function download(host: string, port: number): Promise<number> {
  const child = spawn(process.execPath, ['-e', CLIENT, host, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`client exited ${code}`));
      const r = JSON.parse(out);
      if (r.bytes !== SIZE_MB * 1048576) return reject(new Error(`short transfer: ${r.bytes} bytes`));
      resolve(r.mbps);
    }),
  );
}

async function main(): Promise<void> {
  const api = await startInProcessApi();
  const client = (user: string): ApiClient => new ApiClient({ handlers: api.storage, resources: api.resources, user, userAgent: 'bench/v1.33.0' });
  const informers = new SharedInformerFactory({ client: client('system:kube-proxy'), clock: realClock, logger: silentLogger });
  const proxy = new ServiceProxy({ client: client('system:kube-proxy'), informers, clock: realClock, logger: silentLogger });
  proxy.start();
  informers.start();
  const backend = await startBackend();
  const admin = client('system:admin');
  const svc = await admin.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'bulk', namespace: 'default' }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: backend.port }] } });
  await admin.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'bulk-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'bulk' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [BACKEND_IP], conditions: { ready: true } }],
    ports: [{ name: '', port: backend.port, protocol: 'TCP' }],
  });
  const nodePort = svc.spec.ports[0].nodePort;
  while (!proxy.frontends().has(`TCP/127.0.0.1:${nodePort}`)) await new Promise((r) => setTimeout(r, 20));
  const direct: number[] = [];
  const proxied: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    direct.push(await download(BACKEND_IP, backend.port));
    proxied.push(await download('127.0.0.1', nodePort));
  }
  const d = median(direct);
  const p = median(proxied);
  console.log(JSON.stringify({ figure: 'proxy-throughput', sizeMB: SIZE_MB, runs: RUNS, directMBps: Math.round(d), proxiedMBps: Math.round(p), ratio: Number((p / d).toFixed(2)), direct: direct.map(Math.round), proxied: proxied.map(Math.round) }));
  backend.child.kill();
  await proxy.stop();
  await informers.shutdown();
  api.close();
}

await main();
