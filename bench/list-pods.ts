// Figure: listing 50,000 pods, as JSON and as a Table (what kubectl get pods asks for), median of 5.
import { median, pod, round, startBenchCluster } from './lib/cluster';

const N = Number(process.env.N ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 5);
const CONCURRENCY = 64;
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

const cluster = await startBenchCluster();
const { client } = cluster;
const seedStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < N; i = next++) {
      const r = await client.send('POST', '/api/v1/namespaces/default/pods', pod(`pod-${i}`));
      if (r.status !== 201) throw new Error(`create answered ${r.status}: ${r.body}`);
    }
  }),
);
const seedS = (performance.now() - seedStart) / 1000;

const time = async (accept: string): Promise<{ ms: number; bytes: number }> => {
  const t = performance.now();
  const r = await client.send('GET', '/api/v1/pods', undefined, accept);
  if (r.status !== 200) throw new Error(`list answered ${r.status}`);
  return { ms: performance.now() - t, bytes: r.body.length };
};
const json: number[] = [];
const table: number[] = [];
let jsonBytes = 0;
let tableBytes = 0;
for (let i = 0; i < RUNS; i++) {
  const j = await time('application/json');
  json.push(j.ms);
  jsonBytes = j.bytes;
  const t = await time(TABLE);
  table.push(t.ms);
  tableBytes = t.bytes;
}
client.close();
await cluster.stop();
console.log(JSON.stringify({ figure: 'list-50k-pods', pods: N, seedPodsPerSecond: Math.round(N / seedS), jsonMedianMs: round(median(json)), jsonMB: round(jsonBytes / 1e6), tableMedianMs: round(median(table)), tableMB: round(tableBytes / 1e6) }));
