// Topology spread constraints of the incoming pod, compiled, plus which nodes count as domains
// (node inclusion policies: nodeAffinityPolicy Honor and nodeTaintsPolicy Ignore by default).
import type { Pod, TopologySpreadConstraint } from '../../api';
import { compileLabelSelector, type LabelPredicate } from '../../selectors';
import type { NodeInfo } from '../../snapshot/node-info';
import type { PodInfo } from '../../snapshot/pod-info';
import type { Snapshot } from '../../snapshot/snapshot';
import { toleratedBy } from '../tolerations';
import { requiredNodeAffinity } from '../required-node-affinity';

export const HOSTNAME = 'kubernetes.io/hostname';
export const ZONE = 'topology.kubernetes.io/zone';

/** Upstream's system defaults for pods that declare no constraints: soft spreading by host and zone. */
export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: HOSTNAME, maxSkew: 3 },
  { topologyKey: ZONE, maxSkew: 5 },
];

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  minDomains: number;
  selector: LabelPredicate;
  /** Does the node count towards this constraint's domains? */
  includes: (node: NodeInfo) => boolean;
}

/** matchLabelKeys: the pod's own values for those keys are ANDed into the selector. */
function selectorOf(c: TopologySpreadConstraint, pod: Pod): LabelPredicate {
  const base = c.labelSelector ? { ...c.labelSelector } : null;
  if (base && c.matchLabelKeys?.length) {
    const extra = c.matchLabelKeys
      .filter((k) => pod.metadata.labels?.[k] !== undefined)
      .map((k) => ({ key: k, operator: 'In' as const, values: [pod.metadata.labels![k]] }));
    base.matchExpressions = [...(base.matchExpressions ?? []), ...extra];
  }
  return compileLabelSelector(base);
}

function inclusion(c: TopologySpreadConstraint, pod: Pod): (node: NodeInfo) => boolean {
  const affinity = c.nodeAffinityPolicy === 'Ignore' ? null : requiredNodeAffinity(pod);
  const taints = c.nodeTaintsPolicy === 'Honor';
  const tolerations = pod.spec.tolerations ?? [];
  return (n) => {
    if (!n.node) return false;
    if (affinity && !affinity(n.node)) return false;
    if (!taints) return true;
    return (n.node.spec?.taints ?? []).every((t) => t.effect === 'PreferNoSchedule' || toleratedBy(tolerations, t));
  };
}

/** The system default constraints for a pod that declares none, when something selects it. */
export function systemDefaultConstraints(pod: Pod, selectorFor: ((pod: Pod) => LabelPredicate | null) | undefined): Constraint[] {
  if (pod.spec.topologySpreadConstraints?.length || !selectorFor) return [];
  const selector = selectorFor(pod);
  if (!selector) return [];
  const includes = inclusion({ maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'ScheduleAnyway' }, pod);
  return SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({ ...c, minDomains: 1, selector, includes }));
}

export function compileConstraints(pod: Pod, when: TopologySpreadConstraint['whenUnsatisfiable']): Constraint[] {
  return (pod.spec.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      minDomains: c.minDomains ?? 1,
      selector: selectorOf(c, pod),
      includes: inclusion(c, pod),
    }));
}

export const hasAllKeys = (node: NodeInfo, constraints: Constraint[]): boolean =>
  constraints.every((c) => node.labels[c.topologyKey] !== undefined);

/** Pods on the node in the incoming pod's namespace, selected and not terminating. */
export function countMatching(node: NodeInfo, c: Constraint, pod: PodInfo): number {
  let n = 0;
  for (const p of node.pods.values()) {
    if (p.namespace === pod.namespace && !p.terminating && c.selector(p.labels)) n++;
  }
  return n;
}

/**
 * For each node holding selected pods (same namespace, not terminating), how many: read from the
 * snapshot's label groups, so the cost follows the matching pods rather than every pod.
 */
export function matchingByNode(snapshot: Snapshot, c: Constraint, pod: PodInfo): Map<NodeInfo, number> {
  const out = new Map<NodeInfo, number>();
  for (const g of snapshot.index.labelGroups.values()) {
    if (g.namespace !== pod.namespace || g.terminating || !c.selector(g.labels)) continue;
    for (const [node, n] of g.nodes) out.set(node, (out.get(node) ?? 0) + n);
  }
  return out;
}
