// Figures: exec round trip and log-follow throughput on the built-in cluster's local node (process
// runtime), through the API server and the kubelet server, as users reach them.
//  - exec round trip: one open `cat` exec (client-node, WebSocket v5); a line written to its stdin
//    until it comes back on stdout; median and p99 of ROUNDS lines.
//  - log follow: a pod writes LOG_MB of 100-byte lines and exits; client-node's Log with follow reads
//    it all (follow ends when the container has stopped); MB/s received, median of RUNS. The same
//    with `kubectl logs -f` for reference: kubectl writes each line to its stdout on its own, so
//    it is bounded by kubectl rather than by the server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { Writable } from 'node:stream';
import { CoreV1Api, Exec, KubeConfig, Log } from '@kubernetes/client-node';
import { median, percentile, round } from './lib/cluster';

const ROUNDS = Number(process.env.ROUNDS ?? 300);
// kubelet keeps 5 files of 10 MiB per container (as upstream's defaults; ~40 % of it CRI prefixes), so a bigger log loses its start
const LOG_MB = Number(process.env.LOG_MB ?? 30);
const RUNS = Number(process.env.RUNS ?? 3);
const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const ROOT = resolve(import.meta.dirname, '..');

const dataDir = mkdtempSync(join(tmpdir(), 'wh-bench-streams-'));
const kubeconfig = join(dataDir, 'kubeconfig.yaml');
const cluster = spawn(process.execPath, [join(ROOT, 'bin', 'wheelhouse.js'), 'cluster', 'start', '--data-dir', dataDir, '--kubeconfig', kubeconfig], {
  env: { ...process.env, WHEELHOUSE_FROM_SOURCE: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((ok, fail) => {
  let out = '';
  cluster.stdout!.on('data', (c: Buffer) => (out += c) && out.includes('ready') && ok());
  cluster.once('exit', (code) => fail(new Error(`cluster exited ${code}: ${out}`)));
});

const kc = new KubeConfig();
kc.loadFromFile(kubeconfig);
const core = kc.makeApiClient(CoreV1Api);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runPod(name: string, script: string, restartPolicy = 'Always'): Promise<void> {
  await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name }, spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', script] }] } } });
  for (let i = 0; i < 600; i++) {
    const p = await core.readNamespacedPod({ name, namespace: 'default' });
    const s = p.status?.containerStatuses?.[0]?.state;
    if (s?.running || s?.terminated) return;
    await sleep(100);
  }
  throw new Error(`pod ${name} did not start`);
}

async function execRoundTrips(): Promise<number[]> {
  await runPod('exec-target', 'sleep 3600');
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let seen = '';
  let wake: () => void = () => undefined;
  stdout.on('data', (d) => {
    seen += d;
    wake();
  });
  const ws = await new Exec(kc).exec('default', 'exec-target', 'c', ['cat'], stdout, null, stdin, false);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const line = `ping-${i}\n`;
    const t0 = performance.now();
    const back = new Promise<void>((r) => (wake = () => seen.endsWith(line) && r()));
    stdin.write(line);
    await back;
    times.push(performance.now() - t0);
  }
  ws.close();
  return times;
}

function followOnce(pod: string): Promise<{ bytes: number; seconds: number }> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, 'logs', '-f', pod], { stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.on('close', (code) => (code === 0 ? ok({ bytes, seconds: (performance.now() - t0) / 1000 }) : fail(new Error(`kubectl logs exited ${code}`))));
  });
}

async function clientNodeFollowOnce(pod: string): Promise<{ bytes: number; seconds: number }> {
  let bytes = 0;
  const t0 = performance.now();
  await new Promise<void>((ok, fail) => {
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((bytes += chunk.length), done()) });
    sink.on('finish', ok);
    new Log(kc).log('default', pod, 'c', sink, { follow: true }).catch(fail);
  });
  return { bytes, seconds: (performance.now() - t0) / 1000 };
}

async function logFollow(read: (pod: string) => Promise<{ bytes: number; seconds: number }>): Promise<number[]> {
  // 100-byte lines (99 + newline), then exit: -f ends once everything was sent
  const lines = Math.floor((LOG_MB * 1024 * 1024) / 100);
  const mbps: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const { bytes, seconds } = await read('log-writer');
    if (bytes < lines * 100 * 0.99) throw new Error(`the client received ${bytes} bytes, expected ${lines * 100}`);
    mbps.push(bytes / 1048576 / seconds);
  }
  return mbps;
}

async function writeLogs(): Promise<void> {
  const lines = Math.floor((LOG_MB * 1024 * 1024) / 100);
  await runPod('log-writer', `yes ${'x'.repeat(98)} | head -n ${lines}`, 'Never');
  for (let i = 0; i < 1200; i++) {
    const p = await core.readNamespacedPod({ name: 'log-writer', namespace: 'default' });
    if (p.status?.containerStatuses?.[0]?.state?.terminated) return;
    await sleep(100);
  }
  throw new Error('log-writer did not finish');
}

try {
  const rt = await execRoundTrips();
  console.log(JSON.stringify({ figure: 'exec-round-trip', rounds: ROUNDS, p50Ms: round(percentile(rt, 50), 3), p99Ms: round(percentile(rt, 99), 3) }));
  await writeLogs();
  const viaClientNode = await logFollow(clientNodeFollowOnce);
  console.log(JSON.stringify({ figure: 'log-follow-throughput', client: 'client-node Log', mb: LOG_MB, runs: RUNS, medianMBps: round(median(viaClientNode)), allMBps: viaClientNode.map((m) => round(m)) }));
  const viaKubectl = await logFollow(followOnce);
  console.log(JSON.stringify({ figure: 'log-follow-throughput', client: 'kubectl 1.33 logs -f', mb: LOG_MB, runs: RUNS, medianMBps: round(median(viaKubectl)), allMBps: viaKubectl.map((m) => round(m)) }));
} finally {
  await new Promise((r) => {
    cluster.once('exit', r);
    cluster.kill('SIGTERM');
  });
  rmSync(dataDir, { recursive: true, force: true });
}
