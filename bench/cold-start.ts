// Figure: cold start to serving. Spawns the bundled `wheelhouse cluster start` and times the moment
// its ready line appears (it prints ready only once the HTTPS listener serves). First start (new
// folder: CA and certificates are made) and restart (existing folder) separately, 7 runs each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, round, startBenchCluster } from './lib/cluster';

const RUNS = Number(process.env.RUNS ?? 7);

async function timeStart(dataDir: string): Promise<{ wallMs: number; readyMs: number }> {
  const t0 = performance.now();
  const cluster = await startBenchCluster(dataDir, true);
  const wallMs = performance.now() - t0;
  const r = await cluster.client.send('GET', '/readyz');
  if (r.status !== 200) throw new Error(`readyz answered ${r.status}`);
  cluster.client.close();
  await cluster.stop();
  return { wallMs, readyMs: wallMs };
}

const first: number[] = [];
const restart: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'wh-cold-'));
  first.push((await timeStart(dir)).wallMs);
  restart.push((await timeStart(dir)).wallMs);
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ figure: 'cold-start', runs: RUNS, firstStartMedianMs: round(median(first)), restartMedianMs: round(median(restart)), note: 'process spawn → ready line, includes Node start-up' }));
