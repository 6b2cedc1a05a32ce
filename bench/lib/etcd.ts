// Starts Debian's etcd (default durability: fsync of its WAL on every raft batch) on loopback
// ports and a temp data dir, and puts keys through its v3 HTTP/JSON gateway.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export function etcdVersion(): string | undefined {
  const r = spawnSync('etcd', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? /etcd Version: (\S+)/.exec(r.stdout)?.[1] : undefined;
}

/** POSTs JSON to a keep-alive HTTP server; resolves with the parsed answer. */
export class JsonClient {
  private readonly agent: Agent;
  constructor(
    private readonly base: string,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }
  post(path: string, body: unknown): Promise<unknown> {
    const data = JSON.stringify(body);
    return new Promise((ok, fail) => {
      const req = request(`${this.base}${path}`, { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => (res.statusCode === 200 ? ok(JSON.parse(text)) : fail(new Error(`${res.statusCode}: ${text}`))));
      });
      req.once('error', fail);
      req.end(data);
    });
  }
  close(): void {
    this.agent.destroy();
  }
}

export interface Etcd {
  client: JsonClient;
  put(key: string, value: string): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startEtcd(concurrency: number): Promise<Etcd> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-etcd-'));
  const [cport, pport] = [await freePort(), await freePort()];
  const client = `http://127.0.0.1:${cport}`;
  const peer = `http://127.0.0.1:${pport}`;
  const child: ChildProcess = spawn('etcd', ['--name', 'bench', '--data-dir', dir, '--listen-client-urls', client, '--advertise-client-urls', client, '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer, '--initial-cluster', `bench=${peer}`, '--log-level', 'error'], { stdio: 'ignore' });
  const http = new JsonClient(client, concurrency);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const put = (key: string, value: string) => http.post('/v3/kv/put', { key: b64(key), value: b64(value) });
  for (let i = 0; ; i++) {
    try {
      await put('/bench/ready', 'x');
      break;
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    client: http,
    put,
    stop: async () => {
      http.close();
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
