// Where metrics.k8s.io's numbers come from. The API server only serves them; the composition root
// passes the node agents' usage (kubelet/stats), which has this shape.
export interface MetricsProvider {
  nodes(): { nodeName: string; cpuNanoCores: number; memoryWorkingSetBytes: number; timestamp: string; windowSeconds: number }[];
  pods(namespace?: string): {
    namespace: string;
    name: string;
    labels?: Record<string, string>;
    containers: { name: string; cpuNanoCores: number; memoryWorkingSetBytes: number }[];
    timestamp: string;
    windowSeconds: number;
  }[];
}

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
