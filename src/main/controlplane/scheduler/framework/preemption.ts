// PostFilter: upstream's DefaultPreemption. For nodes where evicting lower-priority pods could help,
// find the fewest, least important victims that make the pod fit (remove them all, then reprieve the
// most important ones while it still fits), and pick the node whose victims matter least. Nodes that
// eviction cannot fix are "not helpful"; the verdicts are worded as upstream's so users recognise them.
import type { NodeInfo } from '../snapshot/node-info';
import type { PodInfo } from '../snapshot/pod-info';
import type { Snapshot, TakenPod } from '../snapshot/snapshot';
import type { Profile, Status } from './types';
import { reasonHistogram } from './fit-error';
import { findFeasible } from './find-feasible';
import { unresolvable } from './status';

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
const MIN_CANDIDATES = 100;
const MIN_CANDIDATE_PERCENTAGE = 10;

export interface PreemptionResult {
  /** The post-filter message, empty when a node was nominated. */
  message: string;
  nominated?: { node: string; victims: PodInfo[] };
}

/** Does the pod pass PreFilter and Filter on this node, given the snapshot as it is now? */
function fitsOn(profile: Profile, snapshot: Snapshot, pod: PodInfo, node: NodeInfo): Status | null {
  const out = findFeasible(profile, { pod, snapshot, data: new Map() }, [node], 0);
  return out.preFilterStatus ?? out.statuses[0] ?? null;
}

const moreImportant = (a: PodInfo, b: PodInfo): number => b.priority - a.priority;

function selectVictims(profile: Profile, snapshot: Snapshot, pod: PodInfo, node: NodeInfo): PodInfo[] | Status {
  const lower = [...node.pods.values()].filter((p) => p.priority < pod.priority).sort(moreImportant);
  if (lower.length === 0) return unresolvable(NO_VICTIMS);
  const taken = new Map<string, TakenPod>();
  for (const p of lower) {
    const t = snapshot.takePod(p.key);
    if (t) taken.set(p.key, t);
  }
  try {
    const blocked = fitsOn(profile, snapshot, pod, node);
    if (blocked) return blocked;
    const victims: PodInfo[] = [];
    for (const p of lower) {
      snapshot.restorePod(taken.get(p.key)!);
      taken.delete(p.key);
      if (!fitsOn(profile, snapshot, pod, node)) continue;
      taken.set(p.key, snapshot.takePod(p.key)!);
      victims.push(p);
    }
    return victims;
  } finally {
    for (const t of taken.values()) snapshot.restorePod(t);
  }
}

/** Upstream's pickOneNodeForPreemption, less PDBs and start times: lowest top victim, lowest sum, fewest. */
function better(a: PodInfo[], b: PodInfo[]): boolean {
  const top = (v: PodInfo[]) => Math.max(...v.map((p) => p.priority));
  const sum = (v: PodInfo[]) => v.reduce((s, p) => s + p.priority, 0);
  if (top(a) !== top(b)) return top(a) < top(b);
  if (sum(a) !== sum(b)) return sum(a) < sum(b);
  return a.length < b.length;
}

function ineligible(pod: PodInfo, snapshot: Snapshot, nominatedNode?: string): string | undefined {
  if (pod.pod.spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const node = nominatedNode ? snapshot.get(nominatedNode) : undefined;
  if (!node) return undefined;
  for (const p of node.pods.values()) {
    if (p.priority < pod.priority && p.pod.metadata.deletionTimestamp) return 'preemption: not eligible due to a terminating pod on the nominated node.';
  }
  return undefined;
}

export function preempt(profile: Profile, snapshot: Snapshot, pod: PodInfo, statuses: Map<string, Status>, nominatedNode?: string): PreemptionResult {
  const notEligible = ineligible(pod, snapshot, nominatedNode);
  if (notEligible) return { message: notEligible };
  const verdicts: Status[] = [];
  const wanted = Math.max(MIN_CANDIDATES, Math.trunc((statuses.size * MIN_CANDIDATE_PERCENTAGE) / 100));
  let best: { node: string; victims: PodInfo[] } | undefined;
  let found = 0;
  for (const [name, s] of statuses) {
    const node = snapshot.get(name);
    if (s.code === 'UnschedulableAndUnresolvable' || s.code === 'Error' || !node || found >= wanted) {
      verdicts.push(unresolvable(NOT_HELPFUL));
      continue;
    }
    const r = selectVictims(profile, snapshot, pod, node);
    if (!Array.isArray(r)) verdicts.push(r);
    else if (r.length === 0) verdicts.push(unresolvable(NO_VICTIMS));
    else {
      found++;
      if (!best || better(r, best.victims)) best = { node: name, victims: r };
    }
  }
  if (best) return { message: '', nominated: best };
  return { message: `preemption: 0/${statuses.size} nodes are available: ${reasonHistogram(verdicts).join(', ')}.` };
}
