// Builds the clusters services from what the engine knows: its environment, home folder, config
// folder and the built-in cluster's kubeconfig. The engine's composition root calls this once.
import { join } from 'node:path';
import { ClustersService } from './clusters-service';
import { realClock, type Clock } from './connections/clock';
import { ConnectionManager } from './connections/connection-manager';
import { loginShellEnv } from './connections/login-shell-env';
import { DiscoveryService } from './discovery/discovery-service';
import { KubeconfigSource } from './kubeconfig/source';
import type { Logger } from './logger';
import { SettingsStore } from './settings/settings-store';

export interface ClusterServicesOptions {
  env: NodeJS.ProcessEnv;
  home: string;
  /** the engine's config folder; settings go to clusters.json in it */
  configDir: string;
  builtinKubeconfigPath?: string;
  logger: Logger;
  clock?: Clock;
}

export interface ClusterServices {
  source: KubeconfigSource;
  connections: ConnectionManager;
  clusters: ClustersService;
  discovery: DiscoveryService;
  dispose(): void;
}

export function createClusterServices(options: ClusterServicesOptions): ClusterServices {
  const { env, home, configDir, builtinKubeconfigPath, logger } = options;
  const clock = options.clock ?? realClock;
  const source = new KubeconfigSource({ env, home, builtinKubeconfigPath, settings: new SettingsStore(join(configDir, 'clusters.json')), logger });
  const connections = new ConnectionManager({ source, clock, shellEnv: loginShellEnv({ env, logger }), logger });
  const clusters = new ClustersService(source, connections);
  const discovery = new DiscoveryService({ connections, clock, logger });
  return {
    source,
    connections,
    clusters,
    discovery,
    dispose: () => {
      discovery.dispose();
      clusters.dispose();
      connections.dispose();
      source.dispose();
    },
  };
}
