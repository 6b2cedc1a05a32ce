// The message of a pod that fits nowhere, worded and ordered as upstream's FitError.Error():
// "0/N nodes are available: <count reason, …sorted>. <post-filter message>"
import type { Status } from './types';

export interface Diagnosis {
  numAllNodes: number;
  /** Set when a PreFilter plugin rejected the pod for every node at once. */
  preFilterMessage?: string;
  /** Node name → why it was filtered out. */
  nodeStatuses: Map<string, Status>;
  /** What PostFilter (preemption) said, already prefixed, e.g. "preemption: 0/3 nodes are available: …". */
  postFilterMessage?: string;
}

/** "count reason" entries, sorted as strings, exactly as upstream's sortReasonsHistogram. */
export function reasonHistogram(statuses: Iterable<Status>): string[] {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const out = [...counts].map(([reason, n]) => `${n} ${reason}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Ends a sentence with one period, because the nested preemption message already carries one. */
const sentence = (s: string): string => (s.endsWith('.') ? ` ${s}` : ` ${s}.`);

export function fitErrorMessage(d: Diagnosis): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMessage) msg += sentence(d.preFilterMessage);
  else {
    const hist = reasonHistogram(d.nodeStatuses.values());
    if (hist.length > 0) msg += sentence(hist.join(', '));
  }
  if (d.postFilterMessage) msg += sentence(d.postFilterMessage);
  return msg;
}
