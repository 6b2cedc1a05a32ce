// For tests only: the built-in cluster in-process, and a KubeConfigSource over its kubeconfig.
import { KubeConfig } from '@kubernetes/client-node';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { KubeHttp, type KubeConfigSource } from './kube-http';

export interface TestCluster {
  cluster: RunningCluster;
  kc: KubeConfig;
  source: KubeConfigSource & { reconnect(clusterId: string): void };
  http: KubeHttp;
  stop(): Promise<void>;
}

export const startTestCluster = async (components = false): Promise<TestCluster> => {
  const cluster = await startCluster({ port: 0, components });
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  const listeners = new Set<(id: string) => void>();
  const source = {
    kubeConfigFor: async () => kc,
    onDidReconnect: (l: (id: string) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    reconnect: (id: string) => listeners.forEach((l) => l(id)),
  };
  return { cluster, kc, source, http: new KubeHttp(source), stop: () => cluster.stop() };
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
  const conn = new Conn((m) => {
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
  return { conn, call };
};
