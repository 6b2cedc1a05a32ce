// Click-to-deploy's engine side against the real built-in cluster (in-process, its local node
// running pods as host processes): templates reach Ready as the rollout stream reports it, a pod
// that cannot run is explained, the overview and the events stream show what happened.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterOverview, EventRow, RolloutState } from '../../../shared/bridge/methods-deploy';
import { TEMPLATES, type DeployForm } from '../../../shared/deploy/templates';
import { manifestObjects } from '../../../shared/deploy/manifest';
import { BridgeRouter, Connection } from '../../engine/bridge/router';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { KubeHttp } from '../cache/kube-http';
import { bridgeClient } from '../cache/test-support';
import { registerDeploy } from './register';
import { acquireMachineLock, releaseMachineLock } from '../../../../test/machine-lock';

const NS = 'deploy-test';
const form = (id: string, over: Partial<DeployForm> = {}): DeployForm => ({ ...TEMPLATES.find((t) => t.id === id)!.form, namespace: NS, ...over });

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('deploy, rollout, overview and events on the built-in cluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-deploy-'));
  let cluster: RunningCluster;
  let http: KubeHttp;
  let client: ReturnType<typeof bridgeClient>;
  before(async () => {
    // two process-runtime clusters at once would put pods on the host network, where the web
    // template's two replicas both want port 8080
    await acquireMachineLock();
    // a data folder of its own, as users run it: without one the web pods never answer their probe
    cluster = await startCluster({ port: 0, localRuntime: 'process', dataDir: join(dir, 'data'), kubeconfigPath: join(dir, 'kubeconfig.yaml') });
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig);
    const source = { kubeConfigFor: async () => kc };
    http = new KubeHttp(source);
    const router = new BridgeRouter();
    registerDeploy(router, { kubeconfigs: source });
    client = bridgeClient(router, Connection);
    await http.request('local', { method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: NS } } });
  });
  after(async () => {
    client?.conn.close();
    await cluster?.stop();
    releaseMachineLock();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  const apply = async (f: DeployForm) => {
    for (const o of manifestObjects(f)) {
      const plural = `${o.kind.toLowerCase()}s`;
      const base = o.apiVersion === 'v1' ? '/api/v1' : `/apis/${o.apiVersion}`;
      await http.request('local', { method: 'POST', path: `${base}/namespaces/${NS}/${plural}`, body: o });
    }
  };
  /** the rollout's newest state as the stream reports it */
  const watch = async (kind: RolloutState['kind'], name: string) => {
    const start = client.events.length;
    const first = await client.call<RolloutState>('deploy.watch', { clusterId: 'local', kind, namespace: NS, name });
    return () => (client.events.slice(start).filter((e) => (e as RolloutState).name === name).pop() as RolloutState | undefined) ?? first;
  };

  it('the web server template reaches all pods Ready, with a readiness check answered over HTTP', async () => {
    await apply(form('web'));
    const latest = await watch('Deployment', 'web');
    const done = await until('web to be Ready', () => latest().done && latest()).catch((e: Error) => {
      throw new Error(`${e.message}; last state: ${JSON.stringify(latest())}`);
    });
    assert.equal(done.summary, '2 of 2 Ready');
    assert.equal(done.pods.length, 2);
    assert.ok(done.pods.every((p) => p.ready && p.phase === 'Running' && !p.problem));
  });

  it('the worker template reaches Ready', async () => {
    await apply(form('worker'));
    const latest = await watch('Deployment', 'worker');
    await until('worker to be Ready', () => latest().done);
  });

  it('a container with no command is explained in words, not left Pending', async () => {
    await apply(form('worker', { name: 'nocmd', command: [] }));
    const latest = await watch('Deployment', 'nocmd');
    const s = await until('the pod to be explained', () => (latest().pods[0]?.problem ? latest() : undefined));
    assert.equal(s.done, false);
    assert.match(s.pods[0].problem!, /^container nocmd: \w+/);
    assert.match(s.summary, /0 of 1 Ready; 1 pod needs attention/);
  });

  it('an unschedulable pod says why the scheduler refused it', async () => {
    await apply(form('worker', { name: 'huge', resources: { cpuRequest: '500', memoryRequest: '64Mi', cpuLimit: '', memoryLimit: '' } }));
    const latest = await watch('Deployment', 'huge');
    const s = await until('the scheduler message', () => (latest().pods[0]?.problem ? latest() : undefined));
    assert.match(s.pods[0].problem!, /^not scheduled: .*cpu/i);
  });

  it('the overview shows the node with requests, pods by phase, and the Warning events', async () => {
    const o = await until('a warning in the overview', async () => {
      const o = await client.call<ClusterOverview>('overview.get', { clusterId: 'local' });
      return o.warnings.length > 0 && o;
    });
    assert.ok(o.nodes.length >= 1);
    const node = o.nodes[0];
    assert.ok(node.ready);
    assert.ok(node.cpu.allocatableMilli > 0 && node.memory.allocatableBytes > 0);
    assert.ok(node.cpu.requestedMilli >= 50 * 4, `requests of the web and worker pods: ${node.cpu.requestedMilli}m`);
    assert.ok((o.podsByPhase.Running ?? 0) >= 3);
    assert.ok((o.podsByPhase.Pending ?? 0) >= 1);
    assert.ok(o.warnings.some((w) => w.reason === 'FailedScheduling' && w.object === 'Pod/' + w.object.split('/')[1]));
    assert.ok(node.cpu.usedMilli !== undefined || o.metricsUnavailable);
  });

  it('the events stream starts with the events so far and brings new ones', async () => {
    const start = client.events.length;
    const first = await client.call<EventRow[]>('events.watch', { clusterId: 'local', namespace: NS });
    assert.ok(first.some((e) => e.reason === 'Scheduled' && e.involved.kind === 'Pod'));
    assert.ok(first.every((e, i) => i === 0 || first[i - 1].lastSeen >= e.lastSeen), 'newest first');
    await http.request('local', { method: 'POST', path: `/api/v1/namespaces/${NS}/events`, body: { metadata: { name: 'hand-made' }, involvedObject: { kind: 'Pod', name: 'x', namespace: NS }, reason: 'HandMade', message: 'from the test', type: 'Warning', lastTimestamp: new Date().toISOString() } });
    await until('the new event', () => client.events.slice(start).some((b) => Array.isArray(b) && (b as EventRow[]).some((e) => e.reason === 'HandMade')), 10_000);
  });

  it('a crash loop shows the exit code and the last lines the container printed', async () => {
    await apply(form('worker', { name: 'crash', command: ['sh', '-c', 'echo starting; echo "fatal: no config at /etc/app.conf"; exit 3'] }));
    const latest = await watch('Deployment', 'crash');
    const s = await until('the crash explained with its log', () => (latest().pods[0]?.logTail?.length && latest().pods[0]?.problem ? latest() : undefined), 90_000);
    assert.match(s.pods[0].problem!, /exit code 3/);
    assert.deepEqual(s.pods[0].logTail, ['starting', 'fatal: no config at /etc/app.conf']);
  });

  it('the StatefulSet template gets a volume per replica and reaches Ready', async () => {
    await apply(form('statefulset'));
    const latest = await watch('StatefulSet', 'store');
    const done = await until('store to be Ready', () => (latest().done ? latest() : undefined), 90_000);
    assert.deepEqual(done.pods.map((p) => p.name), ['store-0', 'store-1']);
    const pvcs = await http.json('local', { path: `/api/v1/namespaces/${NS}/persistentvolumeclaims` });
    assert.deepEqual(pvcs.items.map((c: { metadata: { name: string } }) => c.metadata.name).sort(), ['data-store-0', 'data-store-1']);
  });

  it('the CronJob template runs on its schedule and its run succeeds', async () => {
    await apply(form('cronjob'));
    const latest = await watch('CronJob', 'hello');
    assert.match(latest().summary, /waiting for its first run/);
    const s = await until('the first run to succeed', () => (latest().done ? latest() : undefined), 100_000);
    assert.match(s.summary, /^runs on "\*\/1 \* \* \* \*"; last run succeeded at /);
  });
});
