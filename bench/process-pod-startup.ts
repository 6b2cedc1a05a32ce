// Figure: pod startup on the process runtime — 100 pods created at once on the local node of a real
// `wheelhouse cluster start`, each a host process (`sleep`), from the create request to Running and
// Ready as a watch sees it (upstream's pod startup SLO measures the same span: p99 ≤ 5 s).
// PODS (100) and RUNS (3) override; the figure is the median run's p50/p99.
import { performance } from 'node:perf_hooks';
import { median, percentile, round, startBenchCluster } from './lib/cluster';

const PODS = Number(process.env.PODS ?? 100);
const RUNS = Number(process.env.RUNS ?? 3);
const cluster = await startBenchCluster();
const { client } = cluster;

const podOf = (ns: string, i: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p${i}`, namespace: ns },
  spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] },
});

async function run(r: number): Promise<{ p50: number; p99: number; allMs: number }> {
  const ns = `startup-${r}`;
  await client.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const done = new Promise<void>((resolve) => {
    const watch = client.stream(`/api/v1/namespaces/${ns}/pods?watch=true`, (line) => {
      const pod = JSON.parse(line).object;
      const name: string = pod?.metadata?.name;
      const ready = pod?.status?.phase === 'Running' && pod.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');
      if (!ready || !sentAt.has(name)) return;
      latencies.push(performance.now() - sentAt.get(name)!);
      sentAt.delete(name);
      if (latencies.length === PODS) {
        watch.abort();
        resolve();
      }
    });
  });
  await new Promise((r2) => setTimeout(r2, 200)); // the watch is open before the first create
  const start = performance.now();
  await Promise.all(
    Array.from({ length: PODS }, async (_, i) => {
      sentAt.set(`p${i}`, performance.now());
      const res = await client.send('POST', `/api/v1/namespaces/${ns}/pods`, podOf(ns, i));
      if (res.status !== 201) throw new Error(`create p${i}: ${res.status} ${res.body}`);
    }),
  );
  await done;
  const allMs = performance.now() - start;
  await client.send('DELETE', `/api/v1/namespaces/${ns}`);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), allMs };
}

const results = [];
for (let r = 0; r < RUNS; r++) {
  results.push(await run(r));
  console.error(`run ${r + 1}: p50 ${Math.round(results[r].p50)} ms, p99 ${Math.round(results[r].p99)} ms, all Ready in ${Math.round(results[r].allMs)} ms`);
  await new Promise((r2) => setTimeout(r2, 3000)); // the previous run's processes stop
}
client.close();
await cluster.stop();
console.log(
  JSON.stringify({ figure: 'process-pod-startup', pods: PODS, runs: RUNS, p50Ms: round(median(results.map((x) => x.p50)), 0), p99Ms: round(median(results.map((x) => x.p99)), 0), allReadyMs: round(median(results.map((x) => x.allMs)), 0) }),
);
