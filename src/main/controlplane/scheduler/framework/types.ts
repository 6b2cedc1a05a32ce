// The plugin contract, a trimmed kube-scheduler framework: plugins are plain objects whose optional
// methods are the extension points. Per-cycle data lives in CycleState, never in the plugin.
import type { NodeInfo } from '../snapshot/node-info';
import type { PodInfo } from '../snapshot/pod-info';
import type { Snapshot } from '../snapshot/snapshot';

export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error' | 'Skip';

/** A non-success outcome; success is `null` so the hot path allocates nothing. */
export interface Status {
  code: Code;
  reasons: string[];
  plugin?: string;
}

export const MAX_NODE_SCORE = 100;

export interface CycleState {
  readonly pod: PodInfo;
  readonly snapshot: Snapshot;
  /** Plugin name → whatever its PreFilter/PreScore computed. */
  readonly data: Map<string, unknown>;
}

export interface Plugin {
  readonly name: string;
  /** Runs once per cycle. A Skip status means this plugin's Filter has nothing to check. */
  preFilter?(state: CycleState): Status | null;
  filter?(state: CycleState, node: NodeInfo): Status | null;
  /** Runs once over the feasible nodes. A Skip status means this plugin's Score is left out. */
  preScore?(state: CycleState, nodes: NodeInfo[]): Status | null;
  score?(state: CycleState, node: NodeInfo): number;
  /** Rewrites scores in place to 0..MAX_NODE_SCORE; scores[i] belongs to nodes[i]. */
  normalizeScore?(state: CycleState, scores: number[], nodes: NodeInfo[]): void;
}

export interface WeightedPlugin {
  plugin: Plugin;
  /** Score weight; 0 or absent means the plugin does not score. */
  weight: number;
}

export interface Profile {
  schedulerName: string;
  plugins: WeightedPlugin[];
  /** 0 = upstream's adaptive default (50% − nodes/125, at least 5%, at least 100 nodes). */
  percentageOfNodesToScore: number;
}
