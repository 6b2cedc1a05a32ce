// Registers the engine's services on the bridge router. Each service folder exports its own
// register function; this is the one place that lists them.
import { homedir } from 'node:os';
import { createClusterServices } from '../clusters/create-cluster-services';
import { registerClusters } from '../clusters/register-clusters';
import { registerResources } from '../clusters/views/register';
import { sourceFromConnections } from '../clusters/cache/kube-http';
import { registerLogs } from '../clusters/logs/register';
import { registerDeploy } from '../clusters/deploy/register';
import { registerTerminalServices } from '../clusters/terminals/register-terminal-services';
import type { BridgeRouter } from './bridge/router';

export interface ServiceDeps {
  localKubeconfigPath: string;
  configDir: string;
  log: (line: string) => void;
}

export async function registerServices(router: BridgeRouter, deps: ServiceDeps): Promise<{ stop(): Promise<void> }> {
  const logger = { info: () => undefined, warn: (message: string) => deps.log(`wheelhouse: ${message}`) };
  const clusters = createClusterServices({ env: process.env, home: homedir(), configDir: deps.configDir, builtinKubeconfigPath: deps.localKubeconfigPath, logger });
  registerClusters(router, clusters);
  const resources = registerResources(router, { kubeconfigs: sourceFromConnections(clusters.connections) });
  registerLogs(router, { kubeconfigs: sourceFromConnections(clusters.connections) });
  registerDeploy(router, { kubeconfigs: sourceFromConnections(clusters.connections) });
  const terminals = registerTerminalServices(router, clusters, { configDir: deps.configDir, logger });
  return {
    stop: async () => {
      terminals.dispose();
      resources.dispose();
      clusters.dispose();
    },
  };
}
