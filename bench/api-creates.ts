// Figure: latency of 10,000 sequential creates (one client, one keep-alive connection, each create
// acknowledged only once durable), p50 and p99.
import { percentile, round, startBenchCluster } from './lib/cluster';

const N = Number(process.env.N ?? 10_000);
const cluster = await startBenchCluster();
const latencies: number[] = [];
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const start = performance.now();
  const r = await cluster.client.send('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { i: String(i) } });
  latencies.push(performance.now() - start);
  if (r.status !== 201) throw new Error(`create ${i} answered ${r.status}: ${r.body}`);
}
const totalS = (performance.now() - t0) / 1000;
cluster.client.close();
await cluster.stop();
console.log(JSON.stringify({ figure: 'sequential-creates', n: N, p50Ms: round(percentile(latencies, 50), 3), p99Ms: round(percentile(latencies, 99), 3), perSecond: Math.round(N / totalS) }));
