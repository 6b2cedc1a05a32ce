// PostFilter: what DefaultPreemption says about a pod that fits nowhere. Victim selection is not
// implemented yet, so this only diagnoses: nodes rejected for reasons eviction cannot fix are
// "not helpful", the others have no victims found. The wording matches upstream so users recognise it.
import type { PodInfo } from '../snapshot/pod-info';
import type { Status } from './types';
import { reasonHistogram } from './fit-error';

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export function preemptionMessage(pod: PodInfo, nodeStatuses: Map<string, Status>, numAllNodes: number): string {
  if (pod.pod.spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const verdicts: Status[] = [];
  for (const s of nodeStatuses.values()) {
    const helpless = s.code === 'UnschedulableAndUnresolvable' || s.code === 'Error';
    verdicts.push({ code: s.code, reasons: [helpless ? NOT_HELPFUL : NO_VICTIMS] });
  }
  return `preemption: 0/${numAllNodes} nodes are available: ${reasonHistogram(verdicts).join(', ')}.`;
}
