// The list of clusters the app shows: each kubeconfig context as a ClusterSummary with its
// connection state, built-in cluster first. onDidChange fires with the whole list whenever a
// file or a connection state changes (clusters.watch streams it).
import type { ClusterSummary } from '../../shared/bridge/types';
import type { ConnectionManager } from './connections/connection-manager';
import type { KubeconfigSource } from './kubeconfig/source';
import type { ContextEntry } from './kubeconfig/types';
import { contextWarnings } from './kubeconfig/warnings';
import { Emitter, type Disposable } from './logger';

export class ClustersService {
  private readonly changed = new Emitter<ClusterSummary[]>();
  private readonly subs: Disposable[];
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly source: KubeconfigSource,
    private readonly connections: ConnectionManager,
  ) {
    const fire = () => this.changed.fire(this.list());
    this.subs = [source.onDidChange(fire), connections.onDidChange(fire)];
  }

  list(): ClusterSummary[] {
    return this.source.contexts().map((entry) => this.summary(entry));
  }

  get(clusterId: string): ClusterSummary | undefined {
    const entry = this.source.get(clusterId);
    return entry && this.summary(entry);
  }

  private summary(entry: ContextEntry): ClusterSummary {
    const status = this.connections.status(entry.id);
    return {
      id: entry.id,
      name: entry.builtIn ? 'Local cluster' : entry.name,
      contextName: entry.name,
      clusterName: entry.clusterName,
      userName: entry.userName,
      ...(entry.context.namespace ? { namespace: entry.context.namespace } : {}),
      ...(entry.cluster?.server ? { server: entry.cluster.server } : {}),
      source: entry.source,
      builtIn: entry.builtIn,
      state: status.state,
      ...(status.message ? { stateMessage: status.message } : {}),
      warnings: contextWarnings(entry),
    };
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
