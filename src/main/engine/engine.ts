// The engine's composition root: the built-in cluster, every kubeconfig cluster, and the bridge
// router that serves them to the renderer (over a MessagePort in the desktop app, a WebSocket in
// web mode). Plain Node: no 'electron' import anywhere below here.
import { join } from 'node:path';
import { startCluster, type RunningCluster } from '../controlplane/cluster/cluster';
import { KUBERNETES_VERSION } from '../../shared/version';
import type { LocalRuntimeKind } from '../controlplane/kubelet';
import { BridgeRouter } from './bridge/router';
import { registerServices } from './services';

export interface EngineOptions {
  mode: 'desktop' | 'web';
  /** the built-in cluster's data folder */
  clusterDataDir: string;
  /** settings (added kubeconfig paths…) */
  configDir: string;
  log: (line: string) => void;
  version?: string;
  /** the built-in cluster's local node: host processes (default) or simulated pods */
  localRuntime?: LocalRuntimeKind;
}

export interface Engine {
  router: BridgeRouter;
  cluster: RunningCluster;
  stop(): Promise<void>;
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const kubeconfigPath = join(options.clusterDataDir, 'kubeconfig.yaml');
  const cluster = await startCluster({ dataDir: options.clusterDataDir, kubeconfigPath, log: options.log, localRuntime: options.localRuntime });
  const router = new BridgeRouter();
  router.handle('app.info', async () => ({
    version: options.version ?? process.env.npm_package_version ?? '0.1.0',
    kubernetesVersion: KUBERNETES_VERSION.gitVersion,
    mode: options.mode,
    localKubeconfigPath: kubeconfigPath,
  }));
  const services = await registerServices(router, { localKubeconfigPath: kubeconfigPath, configDir: options.configDir, log: options.log });
  return {
    router,
    cluster,
    stop: async () => {
      await services.stop();
      await cluster.stop();
    },
  };
}
