// One in-process cluster (real API server on HTTPS, no components) with a "local" node whose
// kubelet server runs over HostStreams, a simulated node, and helpers to place pods on them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { startCluster, type RunningCluster } from '../../../src/main/controlplane/cluster/cluster';
import { ApiClient, type Obj } from '../../../src/main/controlplane/client';
import { KubeletServer } from '../../../src/main/controlplane/kubelet/server/server';
import { HostStreams } from './host-streams';

export const LOCAL = 'local-0';
export const SIMULATED = 'sim-0001';

export interface StreamsFixture {
  cluster: RunningCluster;
  client: ApiClient;
  streams: HostStreams;
  kubelet: KubeletServer;
  dir: string;
  kubeconfig: string;
  stop(): Promise<void>;
}

const node = (name: string, port: number, simulated: boolean): Obj => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: simulated ? { 'wheelhouse.dev/simulated': 'true' } : {} },
  status: { daemonEndpoints: { kubeletEndpoint: { Port: port } } },
});

export async function startStreamsFixture(): Promise<StreamsFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-streams-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const cluster = await startCluster({ components: false, kubeconfigPath: kubeconfig });
  const client = new ApiClient({ handlers: cluster.api.storage, resources: cluster.api.resources, user: 'system:admin', userAgent: 'streams-test' });
  const streams = new HostStreams();
  const kubelet = new KubeletServer({
    nodeName: LOCAL,
    token: cluster.kubeletToken,
    streams,
    logger: { warn: (m, e) => console.error(m, e) },
    getPod: (ns, name) => client.get('v1', 'Pod', ns, name).catch(() => undefined),
  });
  const port = await kubelet.listen();
  for (const [name, p, sim] of [[LOCAL, port, false], [SIMULATED, 10250, true]] as const) {
    const created = await client.create(node(name, p, sim));
    await client.updateStatus({ ...created, status: node(name, p, sim).status });
  }
  return {
    cluster, client, streams, kubelet, dir, kubeconfig,
    stop: async () => {
      await kubelet.close();
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** a pod bound to `nodeName` whose status says how its containers are */
export async function placePod(f: StreamsFixture, name: string, containers: string[], statuses: Obj[], nodeName = LOCAL): Promise<Obj> {
  const pod = await f.client.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName, containers: containers.map((c) => ({ name: c, image: 'busybox' })) },
  });
  return f.client.updateStatus({ ...pod, status: { phase: 'Running', containerStatuses: statuses } });
}

export const running = (name: string, extra: Obj = {}): Obj => ({
  name, image: 'busybox', imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2026-01-01T00:00:00Z' } }, ...extra,
});

/** writes CRI records; returns the path */
export const writeLog = (f: StreamsFixture, file: string, records: string[]): string => {
  const path = join(f.dir, file);
  writeFileSync(path, records.join(''));
  return path;
};

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** kubectl without blocking the event loop (the API server runs in this process) */
export const kubectl = (bin: string, kubeconfig: string, args: string[], input?: string): Promise<Ran> =>
  new Promise((resolve) => {
    const child = spawn(bin, ['--kubeconfig', kubeconfig, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
