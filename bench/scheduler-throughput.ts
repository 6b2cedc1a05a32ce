// Figure: scheduler throughput through the pure framework (snapshot + cycle + assume + explanation),
// 5,000 nodes × 10,000 pods, pods/s median of 3 runs; then again with required pod anti-affinity
// by hostname. Upstream's scheduler_perf floors for comparison: 680–810 and 60 pods/s.
import { Cycle } from '../src/main/controlplane/scheduler/framework/cycle';
import { defaultProfile } from '../src/main/controlplane/scheduler/default-profile';
import { Explanations } from '../src/main/controlplane/scheduler/explain/explanations';
import { Snapshot } from '../src/main/controlplane/scheduler/snapshot/snapshot';
import { newPodInfo } from '../src/main/controlplane/scheduler/snapshot/pod-info';
import { makeNode, makePod } from '../src/main/controlplane/scheduler/testing';
import type { Affinity } from '../src/main/controlplane/scheduler/api';

const NODES = Number(process.env.NODES ?? 5_000);
const PODS = Number(process.env.PODS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 3);
const COLORS = 4;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function buildSnapshot(): { snapshot: Snapshot; ms: number } {
  const t = performance.now();
  const snapshot = new Snapshot();
  for (let i = 0; i < NODES; i++) {
    snapshot.upsertNode(makeNode(`node-${i}`, { cpu: '32', memory: '128Gi', labels: { 'topology.kubernetes.io/zone': `zone-${i % 10}` } }));
  }
  return { snapshot, ms: performance.now() - t };
}

const antiAffinity = (color: string): Affinity => ({
  podAntiAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { color } }, topologyKey: 'kubernetes.io/hostname' }],
  },
});

function run(withAntiAffinity: boolean): { podsPerSecond: number; snapshotMs: number; unscheduled: number } {
  const { snapshot, ms } = buildSnapshot();
  const cycle = new Cycle(defaultProfile(), { rng: Math.random });
  const explanations = new Explanations(10_000);
  const pods = Array.from({ length: PODS }, (_, i) => {
    const color = `c${i % COLORS}`;
    return makePod(`pod-${i}`, { cpu: '100m', memory: '128Mi', labels: { app: `app-${i % 50}`, color }, affinity: withAntiAffinity ? antiAffinity(color) : undefined });
  });
  let unscheduled = 0;
  const t = performance.now();
  for (const pod of pods) {
    const info = newPodInfo(pod);
    const r = cycle.run(snapshot, info);
    explanations.keep(r.record);
    if (r.node) snapshot.assumePod(info, r.node);
    else unscheduled++;
  }
  const seconds = (performance.now() - t) / 1000;
  return { podsPerSecond: PODS / seconds, snapshotMs: ms, unscheduled };
}

function figure(name: string, withAntiAffinity: boolean, runs: number): void {
  const results = Array.from({ length: runs }, () => run(withAntiAffinity));
  const pps = median(results.map((r) => r.podsPerSecond));
  console.log(
    JSON.stringify({
      figure: name,
      nodes: NODES,
      pods: PODS,
      runs,
      podsPerSecond: Math.round(pps),
      allRuns: results.map((r) => Math.round(r.podsPerSecond)),
      snapshotBuildMs: Math.round(median(results.map((r) => r.snapshotMs))),
      unscheduled: Math.max(...results.map((r) => r.unscheduled)),
    }),
  );
}

figure('scheduler-throughput', false, RUNS);
figure('scheduler-throughput-anti-affinity', true, Number(process.env.ANTI_RUNS ?? RUNS));
