// What a prober needs from the runtime to probe one container: the pod's IP for httpGet and
// tcpSocket, and a way to run a command inside the container for exec probes.
export interface ProbeTarget {
  podIP: string;
  /** runs argv in the container's sandbox; resolves with its exit code and (truncated) output */
  exec(argv: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }>;
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** one probe's verdict: upstream's probe.Result plus the message kubelet puts in the Unhealthy event */
export interface ProbeOutcome {
  result: 'success' | 'failure';
  /** e.g. 'HTTP probe failed with statuscode: 500', 'dial tcp 10.244.0.5:8080: connect: connection refused' */
  message?: string;
}

/** what the probes have decided about one running container */
export interface ContainerHealth {
  /** the startup probe succeeded (or there is none) */
  started: boolean;
  /** the readiness probe succeeded (or there is none and the container has started) */
  ready: boolean;
  /** set once liveness or startup failed failureThreshold times: kubelet's Killing message, e.g.
   *  "Container app failed liveness probe, will be restarted"; the runtime kills and restarts it */
  livenessFailed?: string;
  /** the failed probe's own terminationGracePeriodSeconds, which replaces the pod's for that kill */
  killGracePeriodSeconds?: number;
}
