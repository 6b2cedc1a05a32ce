// Starts `wheelhouse cluster start` from the bundled dist (as users run it) on a temp folder, and a
// keep-alive HTTPS client for it. Benchmarks drive the cluster from this separate process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BenchCluster {
  child: ChildProcess;
  dataDir: string;
  client: BenchClient;
  stop(): Promise<void>;
}

export async function startBenchCluster(dataDir = mkdtempSync(join(tmpdir(), 'wh-bench-')), keep = false): Promise<BenchCluster> {
  const kubeconfig = join(dataDir, 'kubeconfig.yaml');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'wheelhouse.js'), 'cluster', 'start', '--data-dir', dataDir, '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready')) ok();
    });
    child.once('exit', (code) => fail(new Error(`cluster exited ${code}: ${out}`)));
  });
  return {
    child,
    dataDir,
    client: new BenchClient(kubeconfig),
    stop: async () => {
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      });
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export class BenchClient {
  readonly url: URL;
  private readonly ca: string;
  private readonly token: string;
  private readonly agent: Agent;
  /** watches hold their socket for good: a pool of their own, so they never starve the requests */
  private readonly streamAgent: Agent;

  constructor(kubeconfigPath: string, maxSockets = 64) {
    const kc = parse(readFileSync(kubeconfigPath, 'utf8'));
    this.url = new URL(kc.clusters[0].cluster.server);
    this.ca = Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString();
    this.token = kc.users[0].user.token;
    this.agent = new Agent({ keepAlive: true, maxSockets, ca: this.ca });
    this.streamAgent = new Agent({ keepAlive: false, ca: this.ca });
  }

  send(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<{ status: number; body: string }> {
    return new Promise((ok, fail) => {
      const req = request(
        { host: this.url.hostname, port: this.url.port, path, method, agent: this.agent, headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json', Accept: accept } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', fail);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  /** a streaming GET; calls onLine per newline-delimited JSON line until abort() */
  stream(path: string, onLine: (line: string) => void): { abort(): void } {
    const req = request({ host: this.url.hostname, port: this.url.port, path, method: 'GET', agent: this.streamAgent, headers: { Authorization: `Bearer ${this.token}` } }, (res) => {
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString();
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          onLine(buf.slice(0, i));
          buf = buf.slice(i + 1);
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', () => undefined);
    req.end();
    return { abort: () => req.destroy() };
  }

  close(): void {
    this.agent.destroy();
    this.streamAgent.destroy();
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

export const pod = (name: string, ns = 'default') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels: { app: 'bench', shard: String(name.length % 7) } },
  // A scheduler of its own name: the built-in scheduler leaves these alone, so list and watch figures
  // measure the API server, not 50,000 pods queueing for one node.
  spec: { schedulerName: 'wheelhouse-bench', containers: [{ name: 'c', image: 'registry.example/bench:1.0', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
});
