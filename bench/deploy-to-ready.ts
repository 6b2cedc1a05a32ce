// Figure: click-to-deploy on the built-in cluster — from the Deploy click (the engine's
// manifest.apply of the web-server template's YAML, as the dialog sends it) to the rollout stream
// reporting every pod Ready (deploy.watch), through a real bridge router, engine and in-process
// cluster whose local node runs the pods as host processes (python3 -m http.server, readiness over
// HTTP). RUNS (5) overrides; prints the median.
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { startCluster } from '../src/main/controlplane/cluster/cluster';
import { BridgeRouter, Connection } from '../src/main/engine/bridge/router';
import { registerResources } from '../src/main/clusters/views/register';
import { registerDeploy } from '../src/main/clusters/deploy/register';
import { bridgeClient } from '../src/main/clusters/cache/test-support';
import { TEMPLATES } from '../src/shared/deploy/templates';
import { manifestObjects } from '../src/shared/deploy/manifest';
import type { RolloutState } from '../src/shared/bridge/methods-deploy';
import { median, round } from './lib/cluster';
import { acquireMachineLock, releaseMachineLock } from '../test/machine-lock';

const RUNS = Number(process.env.RUNS ?? 5);
// alone on the machine: a second process-runtime cluster would put these pods on the host network
await acquireMachineLock();
const dir = mkdtempSync(join(tmpdir(), 'wh-bench-deploy-'));
const cluster = await startCluster({ port: 0, localRuntime: 'process', dataDir: join(dir, 'data'), kubeconfigPath: join(dir, 'kubeconfig.yaml') });
const kc = new KubeConfig();
kc.loadFromString(cluster.kubeconfig);
const source = { kubeConfigFor: async () => kc };
const router = new BridgeRouter();
const resources = registerResources(router, { kubeconfigs: source });
registerDeploy(router, { kubeconfigs: source });
const { call, events, conn } = bridgeClient(router, Connection);

const times: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const ns = `bench-deploy-${r}`;
  await call('manifest.apply', { clusterId: 'local', yaml: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n` });
  const form = { ...TEMPLATES.find((t) => t.id === 'web')!.form, namespace: ns };
  const yaml = manifestObjects(form).map((o) => stringify(o)).join('---\n');
  const start = performance.now();
  const applied = await call('manifest.apply', { clusterId: 'local', yaml });
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied)}`);
  const from = events.length;
  const first = await call<RolloutState>('deploy.watch', { clusterId: 'local', kind: 'Deployment', namespace: ns, name: form.name });
  const deadline = Date.now() + 120_000;
  while (!(first.done || events.slice(from).some((e) => (e as RolloutState).namespace === ns && (e as RolloutState).done))) {
    if (Date.now() > deadline) throw new Error(`run ${r}: not Ready in 120 s`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
  times.push(performance.now() - start);
}
console.log(JSON.stringify({ figure: 'deploy-to-ready', template: 'web (2 replicas, HTTP readiness)', runs: RUNS, medianMs: round(median(times), 0), allMs: times.map((t) => round(t, 0)) }));
conn.close();
resources.dispose();
await cluster.stop();
releaseMachineLock();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
