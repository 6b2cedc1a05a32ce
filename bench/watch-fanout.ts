// Figure: one watch fanned out to 100 watchers. 100 watch streams on configmaps, then 1,000 creates;
// per event, the delay from the create's acknowledgement to each watcher receiving it (p50, p99),
// and the time until every watcher has every event.
import { percentile, round, startBenchCluster } from './lib/cluster';

const WATCHERS = Number(process.env.WATCHERS ?? 100);
const EVENTS = Number(process.env.EVENTS ?? 1000);
const cluster = await startBenchCluster();
const { client } = cluster;
const rv = JSON.parse((await client.send('GET', '/api/v1/namespaces/default/configmaps')).body).metadata.resourceVersion;

const ackedAt = new Map<string, number>();
const delays: number[] = [];
let received = 0;
const streams = Array.from({ length: WATCHERS }, () =>
  client.stream(`/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}`, (line) => {
    if (!line) return;
    const name = JSON.parse(line).object?.metadata?.name as string;
    const acked = ackedAt.get(name);
    if (acked !== undefined) delays.push(performance.now() - acked);
    received++;
  }),
);
await new Promise((r) => setTimeout(r, 500));
const t0 = performance.now();
for (let i = 0; i < EVENTS; i++) {
  const name = `w-${i}`;
  const sent = performance.now();
  const r = await client.send('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
  if (r.status !== 201) throw new Error(`create answered ${r.status}`);
  ackedAt.set(name, sent);
}
const deadline = Date.now() + 60_000;
while (received < WATCHERS * EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const allMs = performance.now() - t0;
for (const s of streams) s.abort();
client.close();
await cluster.stop();
console.log(JSON.stringify({ figure: 'watch-fanout', watchers: WATCHERS, events: EVENTS, delivered: received, expected: WATCHERS * EVENTS, createToDeliveryP50Ms: round(percentile(delays, 50)), createToDeliveryP99Ms: round(percentile(delays, 99)), allDeliveredMs: round(allMs), note: 'delay measured from sending the create, so it includes the create itself' }));
