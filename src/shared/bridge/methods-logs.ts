// Log streams (logs view): single container, previous, and merged across a workload's pods.
// Merged into BridgeMethods in methods.ts; one file per area so each can grow on its own.

/** kubectl logs' options (PodLogOptions); the engine always asks the server for timestamps */
export interface LogOptions {
  follow?: boolean;
  previous?: boolean;
  /** keep the server's RFC3339 timestamp on each line (`ts`); the view can show or hide it */
  timestamps?: boolean;
  sinceSeconds?: number;
  /** RFC3339; wins over sinceSeconds */
  sinceTime?: string;
  tailLines?: number;
  limitBytes?: number;
}

/** one container of one pod; `src` of a line indexes the stream's list of sources */
export interface LogSource {
  pod: string;
  container: string;
}

export interface LogLine {
  text: string;
  /** the server's RFC3339Nano timestamp (sent when the line has one, whatever `timestamps` says) */
  ts?: string;
  /** index into the sources announced so far (workload streams; 0 for one container) */
  src?: number;
  /** a line the engine wrote, not the container: reconnected, joined, ended, waiting, error */
  marker?: 'reconnected' | 'joined' | 'ended' | 'waiting' | 'error' | 'info';
}

/** the first result and every event of a log stream: lines batched per ~16 ms or 1,000 lines */
export interface LogBatch {
  lines: LogLine[];
  /** sources that joined since the previous batch, appended to the stream's list in order */
  sources?: LogSource[];
  /** first result only: the pod's containers, for the picker (workloads: of the pod template) */
  containers?: { name: string; init?: boolean; restarts?: number }[];
  /** first result only: the container being streamed (one-container streams) */
  container?: string;
}

export interface LogStreamParams extends LogOptions {
  clusterId: string;
  namespace: string;
  pod: string;
  /** defaults to the pod's only container, or the one named by kubectl.kubernetes.io/default-container */
  container?: string;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'ReplicaSet';

export interface WorkloadLogParams extends LogOptions {
  clusterId: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
  /** only this container of each pod; every (non-init) container when absent */
  container?: string;
}

export interface LogsMethods {
  /** stream: one container's log (kubectl logs); reconnects with sinceTime after a drop */
  'logs.stream': { params: LogStreamParams; result: LogBatch; event: LogBatch };
  /** stream: every pod of a workload (its selector), pods that appear later join; merged by timestamp */
  'logs.streamWorkload': { params: WorkloadLogParams; result: LogBatch; event: LogBatch };
}
