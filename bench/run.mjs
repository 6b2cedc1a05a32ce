// Runs every figure in order and keeps the JSON lines in bench/results/<timestamp>.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const FIGURES = ['cold-start.ts', 'api-creates.ts', 'list-pods.ts', 'watch-fanout.ts', 'store-writes.ts', 'store-list.ts', 'scheduler-throughput.ts', 'cluster-idle-cpu.ts', 'deployment-1000.ts', 'engine-view-50k.ts', 'streams.ts', 'process-pod-startup.ts', 'proxy-throughput.ts', 'deploy-to-ready.ts', 'log-view.ts', 'terminal-latency.ts'];
const only = process.argv.slice(2);
const results = [];
for (const figure of FIGURES.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))) {
  console.error(`bench: ${figure}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${figure}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith('{'));
  for (const line of lines) {
    console.log(line);
    results.push(JSON.parse(line));
  }
  if (r.status !== 0) console.error(`bench: ${figure} exited ${r.status}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`, JSON.stringify(results, null, 2));
