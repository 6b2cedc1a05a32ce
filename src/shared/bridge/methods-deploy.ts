// Click-to-deploy, the cluster overview and the live events view.
// Merged into BridgeMethods in methods.ts; one file per area so each can grow on its own.

export interface RolloutPod {
  name: string;
  phase: string;
  ready: boolean;
  restarts: number;
  /** why it is not Ready, in words: the scheduler's message, a Waiting reason, a crash */
  problem?: string;
  /** the last lines the crashed container printed (its previous instance) */
  logTail?: string[];
}

export interface RolloutState {
  kind: 'Deployment' | 'StatefulSet' | 'CronJob' | 'DaemonSet';
  namespace: string;
  name: string;
  desired: number;
  ready: number;
  updated: number;
  /** every replica Ready (a CronJob: scheduled, and its last run succeeded once there was one) */
  done: boolean;
  /** one line for the header, e.g. "2 of 3 Ready" or "runs on its schedule; last run succeeded at …" */
  summary: string;
  pods: RolloutPod[];
}

export interface NodeOverview {
  name: string;
  ready: boolean;
  /** allocatable, requests of the pods on it, usage from metrics.k8s.io (undefined without metrics) */
  cpu: { allocatableMilli: number; requestedMilli: number; usedMilli?: number };
  memory: { allocatableBytes: number; requestedBytes: number; usedBytes?: number };
  pods: { count: number; capacity: number };
}

export interface ClusterOverview {
  nodes: NodeOverview[];
  podsByPhase: Record<string, number>;
  /** why usage is missing, e.g. "metrics.k8s.io is not served by this cluster" */
  metricsUnavailable?: string;
  warnings: { namespace: string; object: string; reason: string; message: string; count: number; lastSeen: string }[];
}

/** one Event (core v1), flattened for the events view */
export interface EventRow {
  uid: string;
  type: string;
  reason: string;
  message: string;
  namespace: string;
  /** the object it is about, e.g. { kind: 'Pod', name: 'web-1' } */
  involved: { kind: string; name: string; namespace?: string; apiVersion?: string };
  count: number;
  /** newest time it was seen (RFC3339) */
  lastSeen: string;
  source: string;
}

export interface DeployMethods {
  /** stream: the rollout of a workload just applied, until the subscriber cancels */
  'deploy.watch': { params: { clusterId: string; kind: RolloutState['kind']; namespace: string; name: string }; result: RolloutState; event: RolloutState };
  'overview.get': { params: { clusterId: string }; result: ClusterOverview };
  /** stream: the newest events (at most `limit`, default 1000), newest first, each time they change */
  'events.watch': { params: { clusterId: string; namespace?: string; limit?: number }; result: EventRow[]; event: EventRow[] };
}
