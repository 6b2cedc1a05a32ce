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
