// For tests only: the built-in cluster in-process, and a KubeConfigSource over its kubeconfig.
import { after, before } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { BridgeRouter, Connection } from '../../engine/bridge/router';
import { registerResources } from '../views/register';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { KubeHttp, type KubeConfigSource } from './kube-http';

export interface TestCluster {
  cluster: RunningCluster;
  kc: KubeConfig;
  source: KubeConfigSource & {
    reconnect(clusterId: string): void;
    /** makes new requests wait (as if the network were down) until the returned function is called */
    hold(): () => void;
  };
  /** for the test's own requests (not held by source.hold()) */
  http: KubeHttp;
  stop(): Promise<void>;
}

export const startTestCluster = async (components = false): Promise<TestCluster> => {
  // simulated local node: these tests browse and act on objects; real processes are the runtime suites' business
  const cluster = await startCluster({ port: 0, components, localRuntime: 'simulated' });
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  const listeners = new Set<(id: string) => void>();
  let gate: Promise<void> | undefined;
  const source = {
    kubeConfigFor: async () => {
      await gate;
      return kc;
    },
    hold: () => {
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      return () => {
        gate = undefined;
        open();
      };
    },
    onDidReconnect: (l: (id: string) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    reconnect: (id: string) => listeners.forEach((l) => l(id)),
  };
  // the test's own requests do not pass through the source, so hold() stops only the engine's
  return { cluster, kc, source, http: new KubeHttp({ kubeConfigFor: async () => kc }), stop: () => cluster.stop() };
};

export const until = async <T>(what: string, fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** calls bridge methods through a real router and connection, as the renderer would */
export const bridgeClient = (router: import('../../engine/bridge/router').BridgeRouter, Conn: typeof import('../../engine/bridge/router').Connection) => {
  let id = 1;
  const waiting = new Map<number, { resolve: (v: any) => void; reject: (e: any) => void }>();
  const events: unknown[] = [];
  const conn = new Conn((m) => {
    if (m.kind === 'event') events.push(m.event);
    if (m.kind !== 'result' && m.kind !== 'error') return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.kind === 'result') w?.resolve(m.result);
    else w?.reject(Object.assign(new Error(m.error.message), m.error));
  });
  const call = <T = any>(method: string, params: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const n = id++;
      waiting.set(n, { resolve, reject });
      void router.dispatch(conn, { kind: 'request', id: n, method, params });
    });
  /** events of every stream, in order */
  return { conn, call, events };
};

/**
 * For suites that drive the resource services over a bridge: one built-in cluster, its methods
 * registered on a router, and a typed `call`. Read the fields inside tests (set in `before`).
 */
export function useBridgeCluster(components = false): { t: TestCluster; call: ReturnType<typeof bridgeClient>['call'] } {
  const ctx = {} as { t: TestCluster; call: ReturnType<typeof bridgeClient>['call'] };
  let reg: { dispose(): void } | undefined;
  before(async () => {
    ctx.t = await startTestCluster(components);
    const router = new BridgeRouter();
    reg = registerResources(router, { kubeconfigs: ctx.t.source });
    ctx.call = bridgeClient(router, Connection).call;
  });
  after(async () => {
    reg?.dispose();
    await ctx.t?.stop();
  });
  return ctx;
}
