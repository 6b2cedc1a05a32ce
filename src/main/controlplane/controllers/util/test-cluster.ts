// Tests only: the real in-process API, a controller manager running the given controllers on a
// FakeClock, and a kwok-like stand-in for kubelets that marks pods Running and Ready through the API.
import { FakeClock, settle } from '../../client/fake-clock';
import { startTestApi, type TestApi } from '../../client/test-support';
import { silentLogger, timestamp, type ApiClient, type Obj } from '../../client';
import { ControllerManager } from '../manager';
import type { ControllerFactory } from '../types';

export interface TestCluster {
  api: TestApi;
  clock: FakeClock;
  /** acts as a user (system:admin) */
  admin: ApiClient;
  manager: ControllerManager;
  /** lets informers, queues and workers run until nothing moves (time stands still) */
  settle(rounds?: number): Promise<void>;
  /** kubelet stand-in: every pending pod in ns becomes bound, Running and Ready now; terminating pods go */
  markReady(namespace: string, filter?: (pod: Obj) => boolean): Promise<number>;
  stop(): Promise<void>;
}

export async function startTestCluster(factories: ControllerFactory[]): Promise<TestCluster> {
  const clock = new FakeClock();
  const api = await startTestApi({ clock });
  const admin = api.client('system:admin');
  const manager = new ControllerManager({ client: api.client(), factories, clock, logger: silentLogger, leaderElection: false });
  manager.start();
  await manager.waitForSync();
  const kubelet = api.client('system:node:node-a');
  return {
    api,
    clock,
    admin,
    manager,
    settle: (rounds = 60) => settle(rounds),
    markReady: (namespace, filter) => markReady(admin, kubelet, clock, namespace, filter),
    stop: async () => {
      await manager.stop();
      api.close();
    },
  };
}

async function markReady(admin: ApiClient, kubelet: ApiClient, clock: FakeClock, namespace: string, filter?: (pod: Obj) => boolean): Promise<number> {
  const pods = (await admin.list('v1', 'Pod', { namespace })).items as Obj[];
  let n = 0;
  for (const pod of pods) {
    if (filter && !filter(pod)) continue;
    if (pod.metadata.deletionTimestamp) {
      await admin.delete('v1', 'Pod', namespace, pod.metadata.name, { gracePeriodSeconds: 0 }).catch(() => undefined);
      continue;
    }
    if (pod.status?.phase === 'Running') continue;
    if (!pod.spec.nodeName) await admin.bindPod(namespace, pod.metadata.name, 'node-a');
    const fresh = await admin.get('v1', 'Pod', namespace, pod.metadata.name);
    const at = timestamp(clock.now());
    fresh.status = {
      ...fresh.status,
      phase: 'Running',
      startTime: at,
      conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type, status: 'True', lastTransitionTime: at })),
      containerStatuses: fresh.spec.containers.map((c: Obj) => ({ name: c.name, image: c.image, imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: at } } })),
    };
    await kubelet.updateStatus(fresh).catch(() => admin.updateStatus(fresh));
    n++;
  }
  return n;
}
