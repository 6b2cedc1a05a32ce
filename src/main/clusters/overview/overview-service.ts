// overview.get: what a user wants first from a cluster — each node's capacity against what its pods
// ask for (requests) and what they use (metrics.k8s.io), pods by phase, and recent Warning events.
// Requests are summed here rather than read from the node: the API has no such field, kubectl
// describe node does the same sum.
import type { ClusterOverview, NodeOverview } from '../../../shared/bridge/methods-deploy';
import { quantityMilliValueOr, quantityValueOr } from '../../../shared/k8s/quantity';
import type { KubeHttp } from '../cache/kube-http';

type Obj = Record<string, any>;

const WARNINGS = 20;

/** requests of one pod as the scheduler counts them: sum of containers, at least the largest init container */
export function podRequests(pod: Obj): { cpuMilli: number; memoryBytes: number } {
  const sum = (list: Obj[] | undefined, f: (r: Obj) => number) => (list ?? []).reduce((n, c) => n + f(c.resources?.requests ?? {}), 0);
  const max = (list: Obj[] | undefined, f: (r: Obj) => number) => Math.max(0, ...(list ?? []).map((c) => f(c.resources?.requests ?? {})));
  const cpu = (r: Obj) => quantityMilliValueOr(r.cpu, 0);
  const mem = (r: Obj) => quantityValueOr(r.memory, 0);
  return {
    cpuMilli: Math.max(sum(pod.spec?.containers, cpu), max(pod.spec?.initContainers, cpu)),
    memoryBytes: Math.max(sum(pod.spec?.containers, mem), max(pod.spec?.initContainers, mem)),
  };
}

const active = (pod: Obj) => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';

function nodeRow(node: Obj, pods: Obj[], usage: Obj | undefined): NodeOverview {
  const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
  const mine = pods.filter((p) => p.spec?.nodeName === node.metadata.name && active(p));
  const req = mine.map(podRequests).reduce((a, b) => ({ cpuMilli: a.cpuMilli + b.cpuMilli, memoryBytes: a.memoryBytes + b.memoryBytes }), { cpuMilli: 0, memoryBytes: 0 });
  return {
    name: node.metadata.name,
    ready: (node.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True'),
    cpu: { allocatableMilli: quantityMilliValueOr(alloc.cpu, 0), requestedMilli: req.cpuMilli, ...(usage && { usedMilli: quantityMilliValueOr(usage.cpu, 0) }) },
    memory: { allocatableBytes: quantityValueOr(alloc.memory, 0), requestedBytes: req.memoryBytes, ...(usage && { usedBytes: quantityValueOr(usage.memory, 0) }) },
    pods: { count: mine.length, capacity: quantityValueOr(alloc.pods, 0) },
  };
}

const lastSeen = (e: Obj): string => e.lastTimestamp ?? e.eventTime ?? e.series?.lastObservedTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? '';

export class OverviewService {
  constructor(private readonly http: KubeHttp) {}

  async get(clusterId: string): Promise<ClusterOverview> {
    const [nodes, pods, events, metrics] = await Promise.all([
      this.http.json(clusterId, { path: '/api/v1/nodes' }),
      this.http.json(clusterId, { path: '/api/v1/pods' }),
      this.http.json(clusterId, { path: '/api/v1/events', query: { fieldSelector: 'type=Warning' } }).catch(() => ({ items: [] })),
      this.metrics(clusterId),
    ]);
    const podItems: Obj[] = pods.items ?? [];
    const podsByPhase: Record<string, number> = {};
    for (const p of podItems) {
      const phase = p.metadata?.deletionTimestamp ? 'Terminating' : p.status?.phase ?? 'Pending';
      podsByPhase[phase] = (podsByPhase[phase] ?? 0) + 1;
    }
    const usage = new Map<string, Obj>(('items' in metrics ? metrics.items : []).map((m: Obj) => [m.metadata.name, m.usage]));
    const warnings = ((events.items ?? []) as Obj[])
      .sort((a, b) => lastSeen(b).localeCompare(lastSeen(a)))
      .slice(0, WARNINGS)
      .map((e) => ({ namespace: e.metadata?.namespace ?? '', object: `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, reason: e.reason ?? '', message: e.message ?? '', count: e.count ?? 1, lastSeen: lastSeen(e) }));
    return {
      nodes: ((nodes.items ?? []) as Obj[]).map((n) => nodeRow(n, podItems, usage.get(n.metadata.name))).sort((a, b) => a.name.localeCompare(b.name)),
      podsByPhase,
      ...('unavailable' in metrics && { metricsUnavailable: metrics.unavailable }),
      warnings,
    };
  }

  /** node metrics, or why there are none (no metrics-server on many clusters) */
  private async metrics(clusterId: string): Promise<{ items: Obj[] } | { unavailable: string }> {
    try {
      const m = await this.http.json(clusterId, { path: '/apis/metrics.k8s.io/v1beta1/nodes' });
      return { items: m.items ?? [] };
    } catch (err) {
      const status = (err as { code?: number }).code;
      return { unavailable: status === 404 || status === 503 ? 'metrics.k8s.io is not served by this cluster (install metrics-server for usage)' : `metrics unavailable: ${(err as Error).message}` };
    }
  }
}
