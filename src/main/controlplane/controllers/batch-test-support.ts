// Tests of the batch and lifecycle controllers only: the real in-process API, a controller manager
// running the given controllers on a FakeClock, and a kwok-like stand-in for kubelets that sets pod
// phases through the API.
import { ControllerManager } from './manager';
import type { ControllerFactory } from './types';
import { consoleLogger, silentLogger, type ApiClient, type Obj } from '../client';
import { FakeClock } from '../client/fake-clock';
import { startTestApi, type TestApi } from '../client/test-support';

export interface Harness {
  api: TestApi;
  clock: FakeClock;
  /** acts as a cluster admin (kubectl's role) */
  admin: ApiClient;
  stop(): Promise<void>;
}

export async function startControllers(factories: ControllerFactory[], namespaces?: string[]): Promise<Harness> {
  const clock = new FakeClock();
  const api = await startTestApi({ clock, namespaces });
  const manager = new ControllerManager({ client: api.client(), factories, clock, logger: process.env.DEBUG_CONTROLLERS ? consoleLogger : silentLogger, leaderElection: false });
  manager.start();
  await manager.waitForSync();
  return {
    api,
    clock,
    admin: api.client('system:admin'),
    stop: async () => {
      await manager.stop();
      api.close();
    },
  };
}

/** polls `check` (real time; nudging the fake clock by 1 ms so rate-limited retries fire) until it returns a value */
export async function eventually<T>(h: Harness, check: () => Promise<T | undefined | false>, what = 'condition', timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await h.clock.advance(1);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** what a kubelet would report: the pod ran and ended in `phase` (Running, Succeeded or Failed) */
export async function setPodPhase(client: ApiClient, pod: Obj, phase: 'Running' | 'Succeeded' | 'Failed', ready = phase === 'Running'): Promise<Obj> {
  const fresh = await client.get('v1', 'Pod', pod.metadata.namespace, pod.metadata.name);
  const exitCode = phase === 'Failed' ? 1 : 0;
  const state = phase === 'Running' ? { running: { startedAt: new Date().toISOString() } } : { terminated: { exitCode, reason: phase === 'Failed' ? 'Error' : 'Completed' } };
  fresh.status = {
    ...(fresh.status ?? {}),
    phase,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    containerStatuses: (fresh.spec.containers ?? []).map((c: Obj) => ({ name: c.name, image: c.image, imageID: '', ready, restartCount: 0, state })),
  };
  return client.updateStatus(fresh);
}

export const listPods = async (client: ApiClient, namespace: string, labelSelector?: string): Promise<Obj[]> =>
  (await client.list('v1', 'Pod', { namespace, labelSelector })).items;
