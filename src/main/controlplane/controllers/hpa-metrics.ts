// Where the HPA controller reads pod resource usage (metrics.k8s.io's role), and upstream's replica
// calculation from it. The metrics API is not served yet: NO_METRICS answers as an empty metrics API.
import { quantityMilliValueOr } from '../../../shared/k8s/quantity';
import type { Obj } from '../client';

/** per pod name, usage in milli-units (millicores for cpu, milli-bytes for memory) */
export type PodUsage = Map<string, number>;

export interface MetricsSource {
  /** usage of `resource` for the pods matching `labelSelector`; throws when none can be had */
  podResourceUsage(namespace: string, labelSelector: string, resource: string): Promise<PodUsage>;
}

export const NO_METRICS: MetricsSource = {
  podResourceUsage: async () => {
    throw new Error('no metrics returned from resource metrics API');
  },
};

/** upstream's default tolerance: no scaling while usage is within 10% of the target */
const TOLERANCE = 0.1;

const podRequest = (pod: Obj, resource: string): number =>
  (pod.spec?.containers ?? []).reduce((n: number, c: Obj) => n + quantityMilliValueOr(c.resources?.requests?.[resource], 0), 0);

export interface Recommendation {
  replicas: number;
  /** e.g. "cpu resource utilization (percentage of request) above target" */
  utilization?: number;
  /** average usage per pod, in milli-units (status.currentMetrics[].resource.current.averageValue) */
  averageMilli: number;
}

/** desired replicas for one Resource metric over the running pods that have usage */
export function replicasForResource(metric: Obj, pods: Obj[], usage: PodUsage, current: number): Recommendation {
  const resource = metric.resource.name;
  const target = metric.resource.target ?? {};
  const counted = pods.filter((p) => usage.has(p.metadata.name));
  if (counted.length === 0) throw new Error(`no metrics returned from resource metrics API`);
  const used = counted.reduce((n, p) => n + (usage.get(p.metadata.name) ?? 0), 0);
  let ratio: number;
  let utilization: number | undefined;
  if (target.type === 'Utilization') {
    const requested = counted.reduce((n, p) => n + podRequest(p, resource), 0);
    if (requested === 0) throw new Error(`missing request for ${resource}`);
    utilization = Math.round((used * 100) / requested);
    ratio = utilization / (target.averageUtilization ?? 80);
  } else {
    ratio = used / counted.length / quantityMilliValueOr(target.averageValue, 1);
  }
  const averageMilli = used / counted.length;
  if (Math.abs(ratio - 1) <= TOLERANCE) return { replicas: current, utilization, averageMilli };
  return { replicas: Math.ceil(ratio * counted.length), utilization, averageMilli };
}
