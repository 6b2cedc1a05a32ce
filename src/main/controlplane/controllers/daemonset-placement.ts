// Which nodes a DaemonSet runs on (upstream daemon controller's nodeShouldRunDaemonPod): the pod's
// node selector and required node affinity must match the node, and every NoSchedule / NoExecute
// taint must be tolerated, counting the tolerations the controller adds to every daemon pod. A pod
// already on a node keeps running through NoSchedule taints; only NoExecute evicts it.
import type { Obj } from '../client';
import { requirementMatches } from './util/selector-match';

const toleration = (key: string, effect: string): Obj => ({ key, operator: 'Exists', effect });

/** util.AddOrUpdateDaemonPodTolerations */
export function daemonTolerations(spec: Obj): Obj[] {
  const automatic = [
    toleration('node.kubernetes.io/not-ready', 'NoExecute'),
    toleration('node.kubernetes.io/unreachable', 'NoExecute'),
    toleration('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (spec.hostNetwork) automatic.push(toleration('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  const own: Obj[] = spec.tolerations ?? [];
  const missing = automatic.filter((a) => !own.some((t) => t.key === a.key && t.effect === a.effect && (t.operator ?? 'Equal') === 'Exists'));
  return [...own, ...missing];
}

/** requires the pod onto one node, replacing any terms the controller already checked (as upstream) */
export function withNodeAffinity(affinity: Obj | undefined, nodeName: string): Obj {
  const next = structuredClone(affinity ?? {});
  next.nodeAffinity ??= {};
  next.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  return next;
}

/** the node a daemon pod is for: its nodeName, or the one its node affinity requires */
export function targetNodeOf(pod: Obj): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms: Obj[] = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    const field = (term.matchFields ?? []).find((f: Obj) => f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1);
    if (field) return field.values[0];
  }
  return undefined;
}

function termMatches(term: Obj, node: Obj): boolean {
  const exprs: Obj[] = term.matchExpressions ?? [];
  const fields: Obj[] = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels: Record<string, string> = node.metadata?.labels ?? {};
  return exprs.every((r) => requirementMatches(r, labels[r.key])) && fields.every((r) => requirementMatches(r, r.key === 'metadata.name' ? node.metadata.name : undefined));
}

/** nodeSelector and requiredDuringScheduling node affinity of a pod spec */
export function nodeMatches(spec: Obj, node: Obj): boolean {
  const labels: Record<string, string> = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries<string>(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t: Obj) => termMatches(t, node));
}

const tolerates = (t: Obj, taint: Obj): boolean => {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
};

export interface Placement {
  /** a daemon pod should be created here */
  shouldRun: boolean;
  /** a daemon pod already here may stay */
  shouldContinueRunning: boolean;
}

export function placementOn(template: Obj, node: Obj): Placement {
  const spec = template.spec ?? {};
  if (!nodeMatches(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonTolerations(spec);
  const untolerated = (node.spec?.taints ?? []).filter((taint: Obj) => !tolerations.some((t) => tolerates(t, taint)));
  const evicts = untolerated.some((t: Obj) => t.effect === 'NoExecute');
  const blocks = untolerated.some((t: Obj) => t.effect === 'NoSchedule');
  return { shouldRun: !evicts && !blocks, shouldContinueRunning: !evicts };
}
