// Figure: the engine's views over 50,000 pods. A built-in cluster (in memory, no controllers, in a
// child process so the figures are the engine's alone) is seeded with concurrent creates; then:
// view.subscribe → first complete ViewUpdate (cold cache, then warm), re-sort on view.update,
// update propagation (server ack of a label patch → ViewUpdate carrying it) at ~1,000 patches/s,
// and the engine's heap/RSS. Run: node --import tsx bench/engine-view-50k.ts   (N=… RATE=… SECONDS=…)
import { spawn } from 'node:child_process';

import { Agent, request } from 'node:https';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KubeConfig } from '@kubernetes/client-node';
import { percentile, pod, round } from './lib/cluster';

if (process.argv[2] === 'cluster') {
  const { startCluster } = await import('../src/main/controlplane/cluster/cluster');
  const { ApiClient } = await import('../src/main/controlplane/client/api-client');
  const cluster = await startCluster({ port: 0, components: false });
  // seeding in the cluster's process, through its API handlers (no HTTP): only the engine is measured
  const api = new ApiClient({ handlers: cluster.api.storage, resources: cluster.api.resources, user: 'system:admin', userAgent: 'bench/seed' });
  const n = Number(process.argv[3]);
  const seedStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      for (let i = next++; i < n; i = next++) await api.create(pod(`pod-${i}`));
    }),
  );
  const seedS = (performance.now() - seedStart) / 1000;
  process.stdout.write(`${JSON.stringify({ kubeconfig: cluster.kubeconfig, seedS })}\n`);
  process.stdin.on('end', () => void cluster.stop().then(() => process.exit(0)));
  process.stdin.resume();
} else {
  await main();
}

async function main(): Promise<void> {
  const { BridgeRouter, Connection } = await import('../src/main/engine/bridge/router');
  const { registerResources } = await import('../src/main/clusters/views/register');
  const N = Number(process.env.N ?? 50_000);
  const RATE = Number(process.env.RATE ?? 1000);
  const SECONDS = Number(process.env.SECONDS ?? 10);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const memory = () => {
    gc();
    const m = process.memoryUsage();
    return { heapMB: round(m.heapUsed / 2 ** 20, 1), rssMB: round(m.rss / 2 ** 20, 1) };
  };

  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'cluster', String(N)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await new Promise<string>((ok) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) ok(out.slice(0, out.indexOf('\n')));
    });
  });
  const { kubeconfig, seedS } = JSON.parse(first) as { kubeconfig: string; seedS: number };
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);

  console.error(`seeded ${N} pods in ${round(seedS)} s`);
  const baseline = memory();

  const router = new BridgeRouter();
  const resources = registerResources(router, { kubeconfigs: { kubeConfigFor: async () => kc } });
  const spec = { clusterId: 'bench', resource: { group: '', version: 'v1', plural: 'pods' }, namespaces: [], sort: { column: 'Name', descending: false }, window: { offset: 0, limit: 100 } };
  const open = () => {
    const events: { at: number; update: any }[] = [];
    let onEvent: (u: any) => void = () => undefined;
    let result: (r: any) => void = () => undefined;
    const conn = new Connection((m) => {
      if (m.kind === 'event') {
        events.push({ at: performance.now(), update: m.event });
        onEvent(m.event);
      } else if (m.kind === 'result') result(m.result);
    });
    const subscribe = (): Promise<any> => new Promise((ok) => ((result = ok), void router.dispatch(conn, { kind: 'request', id: 1, method: 'view.subscribe', params: spec })));
    const call = (method: string, params: unknown): Promise<any> => new Promise((ok) => ((result = ok), void router.dispatch(conn, { kind: 'request', id: 2, method, params })));
    return { conn, events, subscribe, call, setOnEvent: (f: (u: any) => void) => (onEvent = f) };
  };

  // cold: the cache lists 100 pages of Table rows
  const cold = open();
  const t0 = performance.now();
  const done = new Promise<void>((ok) => cold.setOnEvent((u) => !u.loading && u.total === N && ok()));
  await cold.subscribe();
  await done;
  const coldMs = performance.now() - t0;
  const firstRowsMs = (cold.events.find((e) => e.update.rows.length > 0)?.at ?? NaN) - t0;
  const loaded = memory();
  console.error(`cold view complete in ${round(coldMs)} ms`);

  // warm: a second view of the same cache
  const warm = open();
  const t1 = performance.now();
  const warmFirst = await warm.subscribe();
  const warmMs = performance.now() - t1;
  if (warmFirst.total !== N) throw new Error(`warm view saw ${warmFirst.total}`);
  const t2 = performance.now();
  await warm.call('view.update', { subscriptionId: 1, spec: { sort: { column: 'Age', descending: true } } });
  const resortMs = performance.now() - t2;
  warm.conn.close();
  console.error(`warm ${round(warmMs)} ms, re-sort ${round(resortMs)} ms; patching`);

  // propagation: half the patches hit pods in the window (pod-0…pod-99), half hit any pod
  const seen = new Map<string, number>();
  cold.setOnEvent((u) => {
    const now = performance.now();
    for (const r of u.rows) if (r.labels?.tick && !seen.has(`${r.name}:${r.labels.tick}`)) seen.set(`${r.name}:${r.labels.tick}`, now);
  });
  // patches go through a bounded keep-alive pool, as a real client's would
  const agent = new Agent({ keepAlive: true, maxSockets: 16, ca: Buffer.from(kc.getCurrentCluster()!.caData!, 'base64') });
  const server = new URL(kc.getCurrentCluster()!.server);
  const token = kc.getCurrentUser()!.token!;
  const patch = (name: string, body: unknown): Promise<void> =>
    new Promise((ok, fail) => {
      const req = request({ host: server.hostname, port: server.port, method: 'PATCH', path: `/api/v1/namespaces/default/pods/${name}`, agent, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/merge-patch+json' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? ok() : fail(new Error(`patch answered ${res.statusCode}`))));
      });
      req.on('error', fail);
      req.end(JSON.stringify(body));
    });
  const acks = new Map<string, number>();
  const total = RATE * SECONDS;
  const perTick = Math.max(1, Math.round(RATE / 100));
  let sent = 0;
  const inFlight: Promise<unknown>[] = [];
  const pStart = performance.now();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - pStart) / 1000) * RATE) + perTick);
    for (; sent < due; sent++) {
      const inWindow = sent % 2 === 0;
      const name = inWindow ? `pod-${(sent / 2) % 100}` : `pod-${Math.floor(Math.random() * N)}`;
      const tick = String(sent);
      const p = patch(name, { metadata: { labels: { tick } } });
      inFlight.push(p.then(() => inWindow && acks.set(`${name}:${tick}`, performance.now())));
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(inFlight);
  const achievedRate = total / ((performance.now() - pStart) / 1000);
  await new Promise((r) => setTimeout(r, 500));
  const latencies = [...acks].filter(([k]) => seen.has(k)).map(([k, at]) => Math.max(0, seen.get(k)! - at));
  const after = memory();

  cold.conn.close();
  resources.dispose();
  agent.destroy();
  child.stdin!.end();
  await new Promise((r) => child.once('exit', r));
  console.log(
    JSON.stringify({
      figure: 'engine-view-50k',
      pods: N,
      seedPodsPerSecond: Math.round(N / seedS),
      coldFirstRowsMs: round(firstRowsMs),
      coldCompleteMs: round(coldMs),
      warmFirstUpdateMs: round(warmMs),
      resortMs: round(resortMs),
      patchesPerSecond: Math.round(achievedRate),
      propagationP50Ms: round(percentile(latencies, 50)),
      propagationP95Ms: round(percentile(latencies, 95)),
      propagationP99Ms: round(percentile(latencies, 99)),
      inWindowPatches: acks.size,
      inWindowSeen: latencies.length,
      engineHeapMB: { baseline: baseline.heapMB, cacheLoaded: loaded.heapMB, afterUpdates: after.heapMB },
      engineRssMB: { baseline: baseline.rssMB, cacheLoaded: loaded.rssMB, afterUpdates: after.rssMB },
    }),
  );
}
