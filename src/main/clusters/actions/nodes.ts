// cordon / uncordon / drain, as kubectl does them: drain cordons, then evicts through
// pods/eviction (so disruption budgets hold), skipping mirror pods and, when asked, DaemonSet pods.
import type { KubeHttp } from '../cache/kube-http';

const MIRROR = 'kubernetes.io/config.mirror';

export interface DrainOptions {
  ignoreDaemonSets?: boolean;
  deleteEmptyDirData?: boolean;
  force?: boolean;
}

/** why a pod may not be evicted, or undefined; 'skip' when drain leaves it alone on purpose */
const refusal = (pod: any, o: DrainOptions): string | 'skip' | undefined => {
  const meta = pod.metadata ?? {};
  if (meta.annotations?.[MIRROR]) return 'skip';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return undefined;
  const controller = (meta.ownerReferences ?? []).find((r: any) => r.controller);
  if (controller?.kind === 'DaemonSet') return o.ignoreDaemonSets ? 'skip' : 'is managed by a DaemonSet (use ignoreDaemonSets)';
  if (!controller && !o.force) return 'is not managed by a controller (use force)';
  if (!o.deleteEmptyDirData && (pod.spec?.volumes ?? []).some((v: any) => v.emptyDir)) return 'has local storage (emptyDir; use deleteEmptyDirData)';
  return undefined;
};

export class NodeActions {
  constructor(private readonly http: KubeHttp) {}

  async cordon(clusterId: string, node: string, unschedulable: boolean): Promise<void> {
    await this.http.request(clusterId, { method: 'PATCH', path: `/api/v1/nodes/${encodeURIComponent(node)}`, contentType: 'application/merge-patch+json', body: { spec: { unschedulable } } });
  }

  async drain(clusterId: string, node: string, o: DrainOptions): Promise<{ evicted: string[]; errors: string[] }> {
    await this.cordon(clusterId, node, true);
    const pods = await this.podsOn(clusterId, node);
    const evicted: string[] = [];
    const errors: string[] = [];
    await Promise.all(
      pods.map(async (pod) => {
        const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
        const why = refusal(pod, o);
        if (why === 'skip') return;
        if (why) return errors.push(`${key} ${why}`);
        try {
          await this.evict(clusterId, pod);
          evicted.push(key);
        } catch (err) {
          const e = err as { code?: unknown; message?: string };
          errors.push(`${key}: ${e.code === 429 ? `cannot evict: ${e.message ?? 'a disruption budget forbids it'}` : (e.message ?? String(err))}`);
        }
      }),
    );
    return { evicted: evicted.sort(), errors: errors.sort() };
  }

  private async podsOn(clusterId: string, node: string): Promise<any[]> {
    try {
      const list = await this.http.json(clusterId, { path: '/api/v1/pods', query: { fieldSelector: `spec.nodeName=${node}` } });
      return list.items ?? [];
    } catch (err) {
      if ((err as { code?: unknown }).code !== 400) throw err;
      const list = await this.http.json(clusterId, { path: '/api/v1/pods' });
      return (list.items ?? []).filter((p: any) => p.spec?.nodeName === node);
    }
  }

  private async evict(clusterId: string, pod: any): Promise<void> {
    const { name, namespace } = pod.metadata;
    const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } };
    await this.http.request(clusterId, { method: 'POST', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/eviction`, body });
  }
}
