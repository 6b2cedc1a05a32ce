// What one scheduling decision looked like, kept compact (node names and shared statuses, scores in
// an Int16Array) so thousands of decisions fit in memory; expanded only when someone asks.
import type { Status } from '../framework/types';

export interface CycleRecord {
  namespace: string;
  name: string;
  uid?: string;
  /** Epoch milliseconds. */
  time: number;
  outcome: 'Scheduled' | 'Unschedulable' | 'Error';
  node?: string;
  message?: string;
  /** Where preemption made room for the pod, when it did. */
  nominatedNode?: string;
  numAllNodes: number;
  /** Set when a PreFilter plugin rejected the pod for every node. */
  preFilter?: Status;
  /** Nodes the Filter chain ran on, in order, with null for "passed". */
  evaluated: string[];
  statuses: (Status | null)[];
  scores?: { nodes: string[]; plugins: string[]; weights: number[]; scores: Int16Array; totals: number[] };
}

export interface PluginScore {
  plugin: string;
  score: number;
  weight: number;
  weighted: number;
}

export interface NodeExplanation {
  node: string;
  filter: 'passed' | 'failed';
  failedPlugin?: string;
  reasons?: string[];
  scores?: PluginScore[];
  total?: number;
  chosen: boolean;
}

export interface Explanation {
  namespace: string;
  name: string;
  uid?: string;
  time: string;
  outcome: CycleRecord['outcome'];
  node?: string;
  message?: string;
  nominatedNode?: string;
  numAllNodes: number;
  /** Nodes filtering looked at; the rest were not needed once enough nodes fit (percentageOfNodesToScore). */
  numEvaluated: number;
  nodes: NodeExplanation[];
}
