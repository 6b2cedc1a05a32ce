// For the StatefulSet, DaemonSet and volume binder tests: the controllers under test in a real
// ControllerManager over the real in-process API, and kwok-like stand-ins for kubelets and the
// scheduler that act only through the API (pod status, pods/binding).
import { FakeClock } from '../client/fake-clock';
import { startTestApi, type TestApi } from '../client/test-support';
import { silentLogger, type ApiClient, type Obj } from '../client';
import { ControllerManager } from './manager';
import type { ControllerFactory } from './types';

export interface WorkloadHarness {
  api: TestApi;
  admin: ApiClient;
  clock: FakeClock;
  stop(): Promise<void>;
}

export async function startWorkloadControllers(factories: ControllerFactory[], dataDir?: string): Promise<WorkloadHarness> {
  const clock = new FakeClock(Date.now());
  const api = await startTestApi({ clock });
  const manager = new ControllerManager({ client: api.client(), factories, clock, logger: silentLogger, dataDir, leaderElection: false });
  manager.start();
  await manager.waitForSync();
  return {
    api,
    admin: api.client('system:admin'),
    clock,
    stop: async () => {
      await manager.stop();
      api.close();
    },
  };
}

/** polls (in real time) until `probe` returns something truthy */
export async function eventually<T>(probe: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** a kubelet's part, as kwok does it: the pod runs and turns Ready */
export async function markPodReady(client: ApiClient, namespace: string, name: string, nowMs = Date.now()): Promise<Obj> {
  const pod = await client.get('v1', 'Pod', namespace, name);
  const at = new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z');
  pod.status = {
    ...pod.status,
    phase: 'Running',
    startTime: at,
    conditions: ['Initialized', 'ContainersReady', 'Ready', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: at })),
  };
  return client.updateStatus(pod);
}

/** a kubelet's part: the pod's containers exited */
export async function markPodFailed(client: ApiClient, namespace: string, name: string): Promise<Obj> {
  const pod = await client.get('v1', 'Pod', namespace, name);
  pod.status = { ...pod.status, phase: 'Failed', conditions: [{ type: 'Ready', status: 'False' }] };
  return client.updateStatus(pod);
}

export async function podNames(client: ApiClient, namespace: string, labelSelector?: string): Promise<string[]> {
  const list = await client.list('v1', 'Pod', { namespace, labelSelector });
  return list.items.map((p: Obj) => p.metadata.name).sort();
}

export async function createNode(client: ApiClient, name: string, extra: { labels?: Record<string, string>; taints?: Obj[]; unschedulable?: boolean } = {}): Promise<Obj> {
  return client.create({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } },
    spec: { taints: extra.taints, unschedulable: extra.unschedulable },
  });
}

/** the scheduler's part for daemon pods: bind each pending pod to the node its affinity names */
export async function bindPendingPods(client: ApiClient, namespace: string, labelSelector: string): Promise<number> {
  const list = await client.list('v1', 'Pod', { namespace, labelSelector });
  let bound = 0;
  for (const pod of list.items as Obj[]) {
    if (pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
    const term = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0];
    const node = term?.matchFields?.find((f: Obj) => f.key === 'metadata.name')?.values?.[0];
    if (!node) continue;
    await client.bindPod(namespace, pod.metadata.name, node, pod.metadata.uid);
    bound++;
  }
  return bound;
}

/** the kubelet's part in graceful deletion: pods marked for deletion go away */
export async function finishTerminating(client: ApiClient, namespace: string, labelSelector: string): Promise<void> {
  const list = await client.list('v1', 'Pod', { namespace, labelSelector });
  for (const pod of list.items as Obj[]) {
    if (!pod.metadata.deletionTimestamp) continue;
    await client.delete('v1', 'Pod', namespace, pod.metadata.name, { gracePeriodSeconds: 0 }).catch(() => undefined);
  }
}

/** a kwok-like node loop for one app: bind, run, finish deletions; returns the pods by node */
export async function kubeletsOnce(client: ApiClient, namespace: string, labelSelector: string): Promise<Record<string, string[]>> {
  await bindPendingPods(client, namespace, labelSelector);
  await finishTerminating(client, namespace, labelSelector);
  const list = await client.list('v1', 'Pod', { namespace, labelSelector });
  const out: Record<string, string[]> = {};
  for (const pod of list.items as Obj[]) {
    if (pod.metadata.deletionTimestamp) continue;
    if (pod.spec.nodeName && pod.status?.phase !== 'Running' && pod.status?.phase !== 'Failed') await markPodReady(client, namespace, pod.metadata.name);
    (out[pod.spec.nodeName ?? ''] ??= []).push(pod.metadata.labels?.['controller-revision-hash'] ?? '');
  }
  return out;
}
