// The bridge methods for clusters, kinds and namespaces.
import { existsSync } from 'node:fs';
import type { BridgeRouter } from '../engine/bridge/router';
import { BridgeFailure } from '../engine/bridge/errors';
import type { ClusterServices } from './create-cluster-services';
import { listNamespaces } from './discovery/namespaces';

export type ClustersDeps = Pick<ClusterServices, 'source' | 'connections' | 'clusters' | 'discovery'>;

export function registerClusters(router: BridgeRouter, deps: ClustersDeps): void {
  const { source, connections, clusters, discovery } = deps;
  const known = (clusterId: string): string => {
    if (!source.get(clusterId)) throw new BridgeFailure('NotFound', `no cluster "${clusterId}" in the kubeconfig files`);
    return clusterId;
  };

  router.handle('clusters.list', async () => clusters.list());
  router.stream('clusters.watch', async (_params, sink) => {
    const sub = clusters.onDidChange((list) => sink.send(list));
    void sink.closed.then(() => sub.dispose());
    return clusters.list();
  });
  router.handle('clusters.connect', async ({ clusterId }) => {
    await connections.connect(known(clusterId));
    return clusters.get(clusterId)!;
  });
  router.handle('clusters.addKubeconfig', async ({ path }) => {
    if (!existsSync(path)) throw new BridgeFailure('NotFound', `${path} does not exist`);
    source.add(path);
    return clusters.list();
  });
  router.handle('clusters.removeKubeconfig', async ({ path }) => {
    source.remove(path);
    return clusters.list();
  });
  router.handle('clusters.sources', async () => source.sources());
  router.handle('resources.kinds', async ({ clusterId }) => discovery.kinds(known(clusterId)));
  router.handle('namespaces.list', async ({ clusterId }) => listNamespaces(await connections.kubeConfigFor(known(clusterId))));
}
