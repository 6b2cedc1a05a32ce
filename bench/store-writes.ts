// Store writes per second against a real etcd, same durability (both fsync before acknowledging),
// same concurrency, same key and value sizes. Three contestants:
//   ours-inproc  the Store API called in this process (how the API server uses it)
//   ours-http    our store in a child process behind etcd's HTTP/JSON put shape (like for like)
//   etcd-http    Debian's etcd through its v3 HTTP/JSON gateway
// Prints JSON lines: one per concurrency with medians and ratios, one with sequential latency.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/main/controlplane/store';
import { JsonClient, etcdVersion, startEtcd } from './lib/etcd';

const N = Number(process.env.STORE_BENCH_N ?? 2000);
const REPEATS = Number(process.env.STORE_BENCH_REPEATS ?? 3);
const CONCURRENCY = [1, 64];
const VALUE = JSON.stringify({ kind: 'ConfigMap', data: { payload: 'x'.repeat(1000) } });

type Put = (key: string, value: string) => Promise<unknown>;

/** N writes spread over `concurrency` writers; returns writes/s and each write's latency (ms). */
async function drive(put: Put, tag: string, concurrency: number): Promise<{ rate: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const i = next++;
      const t0 = performance.now();
      await put(`/bench/${tag}/${i}`, VALUE);
      latencies.push(performance.now() - t0);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { rate: N / ((performance.now() - start) / 1000), latencies };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

async function startOursOverHttp(dir: string, concurrency: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lib', 'store-http.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((ok) => child.stdout!.once('data', (c: Buffer) => ok(Number(c.toString().trim()))));
  const client = new JsonClient(`http://127.0.0.1:${port}`, concurrency);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return {
    put: (key: string, value: string) => client.post('/v3/kv/put', { key: b64(key), value: b64(value) }),
    stop: () => new Promise<void>((ok) => {
      client.close();
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    }),
  };
}

async function main(): Promise<void> {
  const version = etcdVersion();
  const base = mkdtempSync(join(tmpdir(), 'wh-bench-store-'));
  const sequential: Record<string, number[]> = { ours: [], etcd: [] };
  try {
    for (const concurrency of CONCURRENCY) {
      const rates: Record<string, number[]> = { ours_inproc: [], ours_http: [], etcd_http: [] };
      const store = openStore({ dataDir: join(base, `inproc-${concurrency}`) });
      const http = await startOursOverHttp(join(base, `http-${concurrency}`), concurrency);
      const etcd = version ? await startEtcd(concurrency) : undefined;
      for (let r = 0; r < REPEATS; r++) {
        const ours = await drive((k, v) => store.create(k, v), `c${concurrency}r${r}`, concurrency);
        rates.ours_inproc.push(ours.rate);
        rates.ours_http.push((await drive(http.put, `c${concurrency}r${r}`, concurrency)).rate);
        if (concurrency === 1) sequential.ours.push(...ours.latencies);
        if (etcd) {
          const e = await drive(etcd.put, `c${concurrency}r${r}`, concurrency);
          rates.etcd_http.push(e.rate);
          if (concurrency === 1) sequential.etcd.push(...e.latencies);
        }
      }
      store.close();
      await http.stop();
      await etcd?.stop();
      const m = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, v.length ? round(median(v)) : null]));
      console.log(JSON.stringify({
        figure: 'store-writes', concurrency, writes: N, repeats: REPEATS, valueBytes: VALUE.length, etcd: version ?? 'not installed',
        writesPerSecMedian: m,
        ratioInprocOverEtcd: m.etcd_http ? round((m.ours_inproc as number) / m.etcd_http, 2) : null,
        ratioHttpOverEtcd: m.etcd_http ? round((m.ours_http as number) / m.etcd_http, 2) : null,
      }));
    }
    const lat = (xs: number[]) => (xs.length ? { p50: round(pct(xs, 50), 3), p99: round(pct(xs, 99), 3) } : null);
    console.log(JSON.stringify({ figure: 'store-write-latency', concurrency: 1, unit: 'ms', ours_inproc: lat(sequential.ours), etcd_http: lat(sequential.etcd) }));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

await main();
