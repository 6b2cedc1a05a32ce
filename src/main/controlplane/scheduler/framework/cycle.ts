// One scheduling cycle for one pod, pure over a snapshot: PreFilter → Filter → PostFilter →
// PreScore → Score → NormalizeScore → weighted sum → pick. Binding is the caller's business.
import type { NodeInfo } from '../snapshot/node-info';
import type { PodInfo } from '../snapshot/pod-info';
import type { Snapshot } from '../snapshot/snapshot';
import type { CycleRecord } from '../explain/record';
import type { CycleState, Profile, Status } from './types';
import { findFeasible } from './find-feasible';
import { prioritize, selectHost } from './prioritize';
import { fitErrorMessage } from './fit-error';
import { preemptionMessage } from './preemption';

export interface CycleResult {
  /** The chosen node, or undefined when the pod fits nowhere (or a plugin failed). */
  node?: string;
  /** FitError message, or the plugin error. */
  message?: string;
  /** True when a plugin failed rather than the pod not fitting: retried with backoff, not parked. */
  error?: boolean;
  /** Plugins that rejected the pod somewhere, used to decide which cluster events may help it. */
  rejectors: Set<string>;
  record: CycleRecord;
}

export interface CycleOptions {
  /** Tie-breaker; leave out for deterministic "first name wins". */
  rng?: () => number;
  now?: () => number;
}

export class Cycle {
  private nextStart = 0;

  constructor(
    private readonly profile: Profile,
    private readonly options: CycleOptions = {},
  ) {}

  run(snapshot: Snapshot, pod: PodInfo): CycleResult {
    const state: CycleState = { pod, snapshot, data: new Map() };
    const nodes = snapshot.nodes();
    const record = this.newRecord(pod, nodes.length);
    if (nodes.length === 0) return this.failed(record, new Error('no nodes available to schedule pods'));
    const filtered = findFeasible(this.profile, state, nodes, this.nextStart);
    this.nextStart = filtered.nextStart;
    record.evaluated = filtered.evaluated;
    record.statuses = filtered.statuses;
    if (filtered.preFilterStatus) return this.rejectAll(pod, filtered.preFilterStatus, nodes, record);
    if (filtered.feasible.length === 0) return this.fitError(pod, filtered.evaluated, filtered.statuses, record);
    return this.pick(state, filtered.feasible, record);
  }

  private newRecord(pod: PodInfo, numAllNodes: number): CycleRecord {
    const now = this.options.now?.() ?? Date.now();
    return { namespace: pod.namespace, name: pod.pod.metadata.name ?? '', uid: pod.pod.metadata.uid, time: now, outcome: 'Unschedulable', numAllNodes, evaluated: [], statuses: [] };
  }

  private pick(state: CycleState, feasible: NodeInfo[], record: CycleRecord): CycleResult {
    let chosen = 0;
    if (feasible.length > 1) {
      try {
        const table = prioritize(this.profile, state, feasible);
        record.scores = { nodes: feasible.map((n) => n.name), ...table };
        chosen = selectHost(feasible, table.totals, this.options.rng);
      } catch (err) {
        return this.failed(record, err);
      }
    }
    record.outcome = 'Scheduled';
    record.node = feasible[chosen].name;
    return { node: record.node, rejectors: new Set(), record };
  }

  private failed(record: CycleRecord, err: unknown): CycleResult {
    record.outcome = 'Error';
    record.message = err instanceof Error ? err.message : String(err);
    return { message: record.message, error: true, rejectors: new Set(), record };
  }

  private rejectAll(pod: PodInfo, s: Status, nodes: NodeInfo[], record: CycleRecord): CycleResult {
    if (s.code === 'Error') return this.failed(record, new Error(`running PreFilter plugin "${s.plugin}": ${s.reasons.join(', ')}`));
    const statuses = new Map(nodes.map((n) => [n.name, s] as const));
    const message = fitErrorMessage({
      numAllNodes: nodes.length,
      preFilterMessage: s.reasons.join(', '),
      nodeStatuses: statuses,
      postFilterMessage: preemptionMessage(pod, statuses, nodes.length),
    });
    record.message = message;
    record.preFilter = s;
    return { message, rejectors: new Set([s.plugin ?? '']), record };
  }

  private fitError(pod: PodInfo, names: string[], list: (Status | null)[], record: CycleRecord): CycleResult {
    const statuses = new Map<string, Status>();
    const rejectors = new Set<string>();
    for (let i = 0; i < names.length; i++) {
      const s = list[i]!;
      if (s.code === 'Error') return this.failed(record, new Error(`running "${s.plugin}" filter plugin: ${s.reasons.join(', ')}`));
      statuses.set(names[i], s);
      rejectors.add(s.plugin ?? '');
    }
    const numAllNodes = record.numAllNodes;
    const message = fitErrorMessage({ numAllNodes, nodeStatuses: statuses, postFilterMessage: preemptionMessage(pod, statuses, numAllNodes) });
    record.message = message;
    return { message, rejectors, record };
  }
}
