// metrics.k8s.io for the built-in cluster: the node agents' usage (kubelet/stats) is what the API
// serves and what the HPA scales on. Upstream's HPA reads the metrics API over HTTP; ours reads the
// same numbers in-process, filtered by the same label selector.
import type { Clock } from '../client';
import type { NodeAgentPool, NodeConfig } from '../kubelet';
import { PoolUsage } from '../kubelet/stats/pool-usage';
import type { ProcessTable, UsageSource } from '../kubelet/stats/types';
import type { MetricsSource, PodUsage } from '../controllers/hpa-metrics';
import { matchesLabels, parseLabelSelector } from '../apiserver/registry/labels';

const isProcessTable = (r: unknown): r is ProcessTable => typeof (r as ProcessTable | undefined)?.containerProcesses === 'function';

export function poolUsage(pool: NodeAgentPool, nodes: NodeConfig[], clock: Clock): PoolUsage {
  return new PoolUsage({
    clock,
    nodes,
    pods: () => pool.pods(),
    processTableOf: (name) => {
      const runtime = pool.runtimeOf(name);
      return isProcessTable(runtime) ? runtime : undefined;
    },
  });
}

/** the HPA's view: per pod name, usage in milli-units (millicores, milli-bytes) */
export const hpaMetricsFrom = (usage: UsageSource): MetricsSource => ({
  podResourceUsage: async (namespace, labelSelector, resource) => {
    if (resource !== 'cpu' && resource !== 'memory') throw new Error(`no metrics for resource ${resource}: the metrics API has cpu and memory`);
    const selector = parseLabelSelector(labelSelector);
    const out: PodUsage = new Map();
    for (const pod of usage.pods(namespace)) {
      if (selector.length > 0 && !matchesLabels(selector, pod.labels)) continue;
      const total = pod.containers.reduce((n, c) => n + (resource === 'cpu' ? c.cpuNanoCores / 1e6 : c.memoryWorkingSetBytes * 1000), 0);
      out.set(pod.name, total);
    }
    if (out.size === 0) throw new Error('no metrics returned from resource metrics API');
    return out;
  },
});
