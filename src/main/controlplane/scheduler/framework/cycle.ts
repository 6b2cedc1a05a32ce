// One scheduling cycle for one pod, pure over a snapshot: PreFilter → Filter → PostFilter →
// PreScore → Score → NormalizeScore → weighted sum → pick. Binding is the caller's business.
import type { NodeInfo } from '../snapshot/node-info';
import type { PodInfo } from '../snapshot/pod-info';
import type { Snapshot } from '../snapshot/snapshot';
import type { CycleRecord } from '../explain/record';
import type { CycleState, Profile, Status } from './types';
import { findFeasible, type FilterOutcome } from './find-feasible';
import { prioritize, selectHost } from './prioritize';
import { fitErrorMessage, type Diagnosis } from './fit-error';
import { preempt } from './preemption';

export interface CycleResult {
  /** The chosen node, or undefined when the pod fits nowhere (or a plugin failed). */
  node?: string;
  /** FitError message, or the plugin error. */
  message?: string;
  /** True when a plugin failed rather than the pod not fitting: retried with backoff, not parked. */
  error?: boolean;
  /** Plugins that rejected the pod somewhere, used to decide which cluster events may help it. */
  rejectors: Set<string>;
  /** Set when preemption chose a node: evict the victims, then the pod fits there. */
  nominated?: { node: string; victims: PodInfo[] };
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

  /** nominatedNode: where an earlier preemption already made room for this pod, if anywhere. */
  run(snapshot: Snapshot, pod: PodInfo, nominatedNode?: string): CycleResult {
    const state: CycleState = { pod, snapshot, data: new Map() };
    const nodes = snapshot.nodes();
    const record = this.newRecord(pod, nodes.length);
    if (nodes.length === 0) return this.failed(record, new Error('no nodes available to schedule pods'));
    const room = this.nominatedFits(snapshot, pod, nominatedNode);
    if (room) return this.pick({ pod, snapshot, data: new Map() }, [room], { ...record, evaluated: [room.name], statuses: [null] });
    const filtered = findFeasible(this.profile, state, nodes, this.nextStart);
    this.nextStart = filtered.nextStart;
    record.evaluated = filtered.evaluated;
    record.statuses = filtered.statuses;
    if (filtered.preFilterStatus) return this.rejectAll(snapshot, pod, filtered.preFilterStatus, nodes, record, nominatedNode);
    if (filtered.feasible.length === 0) return this.fitError(snapshot, pod, filtered, record, nominatedNode);
    return this.pick(state, filtered.feasible, record);
  }

  /** Upstream tries the node preemption made room on first, and takes it if the pod fits there now. */
  private nominatedFits(snapshot: Snapshot, pod: PodInfo, nominatedNode?: string): NodeInfo | undefined {
    const node = nominatedNode ? snapshot.get(nominatedNode) : undefined;
    if (!node) return undefined;
    const out = findFeasible(this.profile, { pod, snapshot, data: new Map() }, [node], 0);
    return out.feasible[0];
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

  private rejectAll(snapshot: Snapshot, pod: PodInfo, s: Status, nodes: NodeInfo[], record: CycleRecord, nominated?: string): CycleResult {
    if (s.code === 'Error') return this.failed(record, new Error(`running PreFilter plugin "${s.plugin}": ${s.reasons.join(', ')}`));
    const statuses = new Map(nodes.map((n) => [n.name, s] as const));
    record.preFilter = s;
    return this.unschedulable(snapshot, pod, { numAllNodes: nodes.length, preFilterMessage: s.reasons.join(', '), nodeStatuses: statuses }, new Set([s.plugin ?? '']), record, nominated);
  }

  private fitError(snapshot: Snapshot, pod: PodInfo, f: FilterOutcome, record: CycleRecord, nominated?: string): CycleResult {
    const statuses = new Map<string, Status>();
    const rejectors = new Set<string>();
    for (let i = 0; i < f.evaluated.length; i++) {
      const s = f.statuses[i]!;
      if (s.code === 'Error') return this.failed(record, new Error(`running "${s.plugin}" filter plugin: ${s.reasons.join(', ')}`));
      statuses.set(f.evaluated[i], s);
      rejectors.add(s.plugin ?? '');
    }
    return this.unschedulable(snapshot, pod, { numAllNodes: record.numAllNodes, nodeStatuses: statuses }, rejectors, record, nominated);
  }

  /** PostFilter (preemption), then the FitError message with its verdict. */
  private unschedulable(snapshot: Snapshot, pod: PodInfo, d: Diagnosis, rejectors: Set<string>, record: CycleRecord, nominated?: string): CycleResult {
    const p = preempt(this.profile, snapshot, pod, d.nodeStatuses, nominated);
    const message = fitErrorMessage({ ...d, postFilterMessage: p.message || undefined });
    record.message = message;
    if (p.nominated) record.nominatedNode = p.nominated.node;
    return { message, rejectors, nominated: p.nominated, record };
  }
}
