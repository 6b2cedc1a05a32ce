// What one node agent is told about its node: the flags of `wheelhouse cluster start` per node.
export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeConfig {
  name: string;
  /** Kubernetes quantities, e.g. "4", "8Gi" */
  cpu: string;
  memory: string;
  pods: number;
  ephemeralStorage: string;
  labels: Record<string, string>;
  taints: NodeTaint[];
  zone?: string;
  region?: string;
  /** the machine's own node: carries node-role.kubernetes.io/control-plane and the mirror pods */
  controlPlane?: boolean;
  /** a simulated node (--simulated-nodes): labelled wheelhouse.dev/simulated=true */
  simulated?: boolean;
  /** per-node pod CIDR the runtime hands pod IPs out of, e.g. 10.244.3.0/24 */
  podCIDR: string;
  /** node address (InternalIP) */
  internalIP: string;
  /** the port of the node's kubelet server (logs, exec, port-forward), once it listens; simulated nodes have none */
  kubeletPort?: number;
}

export const SIMULATED_LABEL = 'wheelhouse.dev/simulated';
export const KUBELET_VERSION = 'v1.33.0-wheelhouse';
