// The runtime under a node agent: it owns a pod's sandbox and containers and reports their state.
// The agent turns that state into the API's PodStatus (../pod-status.ts), so every runtime (the
// simulated one here, host processes on the local node, later OCI) yields the same status fields.
type Obj = Record<string, any>;

/** core/v1 ContainerState, as the runtime sees it */
export interface ContainerStateValue {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: { exitCode: number; reason: string; message?: string; startedAt?: string; finishedAt: string; containerID?: string };
}

export interface RuntimeContainer {
  name: string;
  /** the image as the runtime resolved it, e.g. docker.io/library/nginx:latest */
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerStateValue;
  lastState?: ContainerStateValue;
  restartCount: number;
  started: boolean;
  ready: boolean;
}

export interface PodSandbox {
  ready: boolean;
  ip: string;
  createdAtMs: number;
}

/** what a runtime knows about one pod */
export interface RuntimePod {
  uid: string;
  sandbox?: PodSandbox;
  initContainers: RuntimeContainer[];
  containers: RuntimeContainer[];
}

/** what the runtime may need from the node: its name, address and a pod IP allocator */
export interface NodeEnv {
  nodeName: string;
  hostIP: string;
  allocatePodIP(uid: string): string;
  releasePodIP(uid: string): void;
  /** marks an IP a pod already has (after a restart) as taken */
  reservePodIP?(uid: string, ip: string): void;
}

export interface RuntimeResult {
  pod: RuntimePod;
  /** look at this pod again after this long (a stage is due, a probe, a backoff) */
  requeueAfterMs?: number;
}

export interface PodRuntime {
  /** node.status.nodeInfo.containerRuntimeVersion, e.g. wheelhouse-simulated://1.0 */
  readonly version: string;
  /** moves the pod's sandbox and containers toward its spec (start, restart with backoff, exit) */
  syncPod(pod: Obj, env: NodeEnv): Promise<RuntimeResult>;
  /** stops the pod's containers, giving them up to gracePeriodMs; the result says when they are all terminated */
  killPod(pod: Obj, gracePeriodMs: number, env: NodeEnv): Promise<RuntimeResult>;
  /** drops a pod the API no longer has, releasing what it held */
  removePod(uid: string, env: NodeEnv): void;
  /** a runtime with its own events (process exits) tells the agent which pod to look at again */
  onDidChange?(listener: (uid: string) => void): () => void;
  close(): Promise<void>;
}

/** no container of the pod is running any more */
export const allStopped = (p: RuntimePod): boolean => [...p.initContainers, ...p.containers].every((c) => !c.state.running);

/** the local node's runtime: pods, and the streams and processes the kubelet server and stats read */
export type LocalRuntime = PodRuntime & import('../server/types').ContainerStreams & import('../stats/types').ProcessTable;
