// The node lifecycle controller's pure rules: when a node counts as silent, what its conditions
// become then, which taints its Ready condition calls for, and when a NoExecute taint evicts a pod.
type Obj = Record<string, any>;

export const NODE_MONITOR_GRACE_MS = 40_000;
export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
const UNKNOWN_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export const readyCondition = (node: Obj): Obj | undefined => (node.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');

/** the newest sign of life: the Lease's renewTime, the Ready heartbeat, or (never heard) creation */
export function lastHeartbeatMs(node: Obj, lease: Obj | undefined): number {
  const times = [lease?.spec?.renewTime, readyCondition(node)?.lastHeartbeatTime, node.metadata?.creationTimestamp].map((t) => (t ? Date.parse(t) : NaN)).filter(Number.isFinite);
  return times.length ? Math.max(...times) : 0;
}

/** conditions set to Unknown as upstream's tryUpdateNodeHealth does (heartbeat times left alone) */
export function unknownConditions(node: Obj, now: string): Obj[] {
  const conditions: Obj[] = structuredClone(node.status?.conditions ?? []);
  for (const type of UNKNOWN_CONDITIONS) {
    const c = conditions.find((x) => x.type === type);
    const message = 'Kubelet stopped posting node status.';
    if (!c) conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: now });
    else if (c.status !== 'Unknown') Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message, lastTransitionTime: now });
  }
  return conditions;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** the node.kubernetes.io taints the Ready condition calls for (NoSchedule by condition, NoExecute for eviction) */
export function conditionTaints(node: Obj): { key: string; effect: string }[] {
  const status = readyCondition(node)?.status;
  const key = status === 'Unknown' ? UNREACHABLE : status === 'False' ? NOT_READY : undefined;
  return key ? [{ key, effect: 'NoSchedule' }, { key, effect: 'NoExecute' }] : [];
}

/** the node's taints with ours brought in line; undefined when nothing changes */
export function reconcileTaints(node: Obj, now: string): Taint[] | undefined {
  const current: Taint[] = node.spec?.taints ?? [];
  const want = conditionTaints(node);
  const ours = (t: Taint): boolean => t.key === UNREACHABLE || t.key === NOT_READY;
  const has = (t: { key: string; effect: string }): boolean => current.some((c) => c.key === t.key && c.effect === t.effect);
  const kept = current.filter((t) => !ours(t) || want.some((w) => w.key === t.key && w.effect === t.effect));
  const added = want.filter((w) => !has(w)).map((w) => ({ ...w, ...(w.effect === 'NoExecute' ? { timeAdded: now } : {}) }));
  if (!added.length && kept.length === current.length) return undefined;
  return [...kept, ...added];
}

const tolerates = (tol: Obj, t: Taint): boolean => {
  if (tol.effect && tol.effect !== t.effect) return false;
  if (!tol.key) return tol.operator === 'Exists';
  if (tol.key !== t.key) return false;
  return tol.operator === 'Exists' || (tol.value ?? '') === (t.value ?? '');
};

/**
 * When a pod must leave a node with NoExecute taints (upstream's taint manager): at once if a taint is
 * not tolerated, after the shortest tolerationSeconds among the matching tolerations, or never.
 */
export function evictionAtMs(pod: Obj, taints: Taint[], nowMs: number): number | undefined {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (!noExecute.length) return undefined;
  let at: number | undefined;
  for (const t of noExecute) {
    const matching = (pod.spec?.tolerations ?? []).filter((tol: Obj) => tolerates(tol, t));
    if (!matching.length) return nowMs;
    const seconds = matching.map((tol: Obj) => tol.tolerationSeconds).filter((s: unknown): s is number => typeof s === 'number');
    if (!seconds.length) continue;
    const added = t.timeAdded ? Date.parse(t.timeAdded) : nowMs;
    const when = added + Math.max(0, Math.min(...seconds)) * 1000;
    at = at === undefined ? when : Math.min(at, when);
  }
  return at;
}
