// Resource usage of the local node's containers, the role of kubelet's /metrics/resource that
// metrics-server scrapes. The process runtime lists its processes; stats/ turns them into usage.
export interface ContainerProcess {
  podUid: string;
  namespace: string;
  pod: string;
  container: string;
  /** the container's main process; its descendants count too */
  pid: number;
}

export interface ProcessTable {
  containerProcesses(): ContainerProcess[];
}

export interface ContainerUsage {
  name: string;
  /** CPU rate over the last window, in nanocores (1e9 = one core) */
  cpuNanoCores: number;
  memoryWorkingSetBytes: number;
}

export interface PodUsageSample {
  namespace: string;
  name: string;
  /** the pod's labels, so label selectors (kubectl top -l) work */
  labels?: Record<string, string>;
  containers: ContainerUsage[];
  /** end of the measured window (RFC 3339) and its length */
  timestamp: string;
  windowSeconds: number;
}

export interface NodeUsageSample {
  nodeName: string;
  cpuNanoCores: number;
  memoryWorkingSetBytes: number;
  timestamp: string;
  windowSeconds: number;
}

/** what the metrics API serves: one per node agent pool, simulated nodes included */
export interface UsageSource {
  nodes(): NodeUsageSample[];
  pods(namespace?: string): PodUsageSample[];
}
