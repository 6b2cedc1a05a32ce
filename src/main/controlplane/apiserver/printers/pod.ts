// Pods print READY, STATUS, RESTARTS the way upstream's printPod derives them from container states.
import { ageColumn, col, nameColumn, type KindPrinter, type Obj } from './columns';
import { since } from './duration';

const isRestartableInit = (c: Obj | undefined): boolean => c?.restartPolicy === 'Always';

interface PodTally {
  reason: string;
  ready: number;
  restarts: number;
  lastRestart: number;
}

const finishedAt = (cs: Obj): number => {
  const t = cs.lastState?.terminated?.finishedAt;
  return typeof t === 'string' ? Date.parse(t) || 0 : 0;
};

function terminatedReason(t: Obj, prefix: string): string {
  if (t.reason) return prefix + t.reason;
  if (t.signal) return `${prefix}Signal:${t.signal}`;
  return `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

/** Walks init containers; returns true while the pod is still initializing (and sets reason). */
function tallyInit(pod: Obj, t: PodTally, sidecar: { restarts: number; last: number }): boolean {
  const specs = new Map<string, Obj>((pod.spec?.initContainers ?? []).map((c: Obj) => [c.name, c]));
  const statuses: Obj[] = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const cs = statuses[i];
    const restartable = isRestartableInit(specs.get(cs.name));
    t.restarts += cs.restartCount ?? 0;
    t.lastRestart = Math.max(t.lastRestart, finishedAt(cs));
    if (restartable) {
      sidecar.restarts += cs.restartCount ?? 0;
      sidecar.last = Math.max(sidecar.last, finishedAt(cs));
    }
    const term = cs.state?.terminated;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready) t.ready++;
      continue;
    }
    if (term) t.reason = terminatedReason(term, 'Init:');
    else if (cs.state?.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') t.reason = `Init:${cs.state.waiting.reason}`;
    else t.reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
    return true;
  }
  return false;
}

const hasCondition = (pod: Obj, type: string): boolean =>
  (pod.status?.conditions ?? []).some((c: Obj) => c.type === type && c.status === 'True');

function tallyContainers(pod: Obj, t: PodTally): void {
  const statuses: Obj[] = pod.status?.containerStatuses ?? [];
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i];
    t.restarts += cs.restartCount ?? 0;
    t.lastRestart = Math.max(t.lastRestart, finishedAt(cs));
    const state = cs.state ?? {};
    if (state.waiting?.reason) t.reason = state.waiting.reason;
    else if (state.terminated) t.reason = terminatedReason(state.terminated, '');
    else if (cs.ready && state.running) {
      hasRunning = true;
      t.ready++;
    }
  }
  // A pod whose main container completed but whose other containers still run is not "Completed".
  if (t.reason === 'Completed' && hasRunning) t.reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
}

function podTally(pod: Obj): PodTally {
  const status = pod.status ?? {};
  const t: PodTally = { reason: status.reason || status.phase || '', ready: 0, restarts: 0, lastRestart: 0 };
  if ((status.conditions ?? []).some((c: Obj) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) t.reason = 'SchedulingGated';
  const sidecar = { restarts: 0, last: 0 };
  const initializing = tallyInit(pod, t, sidecar);
  if (!initializing || hasCondition(pod, 'Initialized')) {
    t.restarts = sidecar.restarts;
    t.lastRestart = sidecar.last;
    tallyContainers(pod, t);
  }
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') t.reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminal) t.reason = 'Terminating';
  return t;
}

function readinessGates(pod: Obj): string {
  const gates: Obj[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions: Obj[] = pod.status?.conditions ?? [];
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageColumn(),
    col('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
    col('Node', 'string', 'NodeName indicates in which node this pod is scheduled.', 1),
    col('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.', 1),
    col('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
  ],
  cells(pod, now) {
    const t = podTally(pod);
    const total = (pod.spec?.containers ?? []).length + (pod.spec?.initContainers ?? []).filter(isRestartableInit).length;
    const restarts = t.restarts !== 0 && t.lastRestart > 0 ? `${t.restarts} (${since(new Date(t.lastRestart).toISOString(), now)} ago)` : String(t.restarts);
    const status = pod.status ?? {};
    return [
      pod.metadata?.name ?? '',
      `${t.ready}/${total}`,
      t.reason,
      restarts,
      since(pod.metadata?.creationTimestamp, now),
      status.podIPs?.[0]?.ip || status.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      status.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
};
