// One node's agent (kubelet): registers the Node, keeps its heartbeats, and syncs the pods bound to
// it through its runtime — status written through pods/status, deletion finished with a zero-grace
// delete once the runtime has stopped every container.
import { StatusError } from '../../../shared/k8s/status';
import type { ApiClient, Clock, EventRecorder, Logger, ReconcileResult } from '../client';
import { recordContainerEvents, recordKilling } from './pod-events';
import { Heartbeat, LEASE_RENEW_MS, STATUS_REPORT_MS } from './heartbeat';
import type { NodeConfig } from './node-config';
import { nodeLabels, nodeObject } from './node-object';
import { PodIPs } from './pod-ips';
import { apiPodStatus, statusChanged } from './pod-status';
import { allStopped, type NodeEnv, type PodRuntime } from './runtimes/types';

type Obj = Record<string, any>;

export interface NodeAgentOptions {
  config: NodeConfig;
  client: ApiClient;
  runtime: PodRuntime;
  clock: Clock;
  logger: Logger;
  /** kubelet's Events about containers; simulated nodes leave them out, as kwok does, to stay cheap */
  recorder?: EventRecorder;
}

const isTerminal = (pod: Obj): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

export class NodeAgent {
  readonly env: NodeEnv;
  private readonly heartbeat: Heartbeat;
  private node?: Obj;
  private timers: unknown[] = [];
  private stopped = false;
  /** pods whose Killing events were recorded */
  private readonly killing = new Set<string>();

  constructor(private readonly o: NodeAgentOptions) {
    const ips = new PodIPs(o.config.podCIDR);
    this.env = { nodeName: o.config.name, hostIP: o.config.internalIP, allocatePodIP: (uid) => ips.allocate(uid), releasePodIP: (uid) => ips.release(uid), reservePodIP: (uid, ip) => ips.reserve(uid, ip) };
    this.heartbeat = new Heartbeat(o.config, o.client, o.clock, o.logger);
  }

  get name(): string {
    return this.o.config.name;
  }

  get runtime(): PodRuntime {
    return this.o.runtime;
  }

  /** registers (or re-registers) the Node, then starts the heartbeats */
  async start(): Promise<void> {
    await this.register();
    await this.heartbeat.renewLease(this.node);
    // Spread many nodes' renewals over the period instead of renewing all at once.
    this.every(LEASE_RENEW_MS, Math.random() * LEASE_RENEW_MS, () => this.heartbeat.renewLease(this.node));
    this.every(STATUS_REPORT_MS, Math.random() * STATUS_REPORT_MS, async () => void (this.node = (await this.heartbeat.reportStatus(this.o.runtime.version)) ?? this.node));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) this.o.clock.clearTimeout(t);
    this.timers = [];
  }

  private async register(): Promise<void> {
    const { client, config, runtime, clock } = this.o;
    try {
      this.node = await client.create(nodeObject(config, runtime.version, clock.now()));
    } catch (err) {
      if (!(err instanceof StatusError) || err.code !== 409) throw err;
      // A node known from an earlier run: refresh its labels (ours win) and report status at once.
      const existing = await client.get('v1', 'Node', undefined, config.name);
      const labels = { ...existing.metadata.labels, ...nodeLabels(config) };
      await client.update({ ...existing, metadata: { ...existing.metadata, labels } });
      this.node = (await this.heartbeat.reportStatus(runtime.version)) ?? existing;
    }
  }

  private every(ms: number, firstMs: number, run: () => Promise<void>): void {
    const slot = this.timers.length;
    const loop = (): void => {
      if (this.stopped) return;
      void run()
        .catch((err) => this.o.logger.warn(`node ${this.name}: heartbeat failed`, err))
        .finally(() => {
          if (!this.stopped) this.timers[slot] = this.o.clock.setTimeout(loop, ms);
        });
    };
    this.timers[slot] = this.o.clock.setTimeout(loop, firstMs);
  }

  /** posts the node's status now (it was changed behind our back) */
  async reportStatus(): Promise<void> {
    if (this.stopped) return;
    this.node = (await this.heartbeat.reportStatus(this.o.runtime.version)) ?? this.node;
  }

  /** one pass over a pod bound to this node; level-based, like kubelet's pod worker */
  async syncPod(pod: Obj): Promise<ReconcileResult> {
    if (pod.metadata.deletionTimestamp) return this.syncTerminating(pod);
    const { runtime, client, clock } = this.o;
    // A finished pod may still have sidecars to stop, which the runtime reports once they exit.
    if (isTerminal(pod) && ![...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].some((c: Obj) => c.state?.running)) return;
    const r = await runtime.syncPod(pod, this.env);
    const status = apiPodStatus(pod, r.pod, this.env.hostIP, clock.now());
    if (statusChanged(pod.status, status)) {
      await client.updateStatus({ ...pod, status });
      if (this.o.recorder) recordContainerEvents(this.o.recorder, pod, pod.status, status);
    }
    return r.requeueAfterMs === undefined ? undefined : { requeueAfterMs: r.requeueAfterMs };
  }

  private async syncTerminating(pod: Obj): Promise<ReconcileResult> {
    const { runtime, client, clock } = this.o;
    // kubelet takes deletionGracePeriodSeconds: deletionTimestamp has whole seconds only, so a
    // 1 s grace period could otherwise leave a few milliseconds.
    const seconds = pod.metadata.deletionGracePeriodSeconds;
    const graceMs = typeof seconds === 'number' ? seconds * 1000 : Math.max(0, Date.parse(pod.metadata.deletionTimestamp) - clock.now());
    const r = await runtime.killPod(pod, graceMs, this.env);
    if (this.o.recorder && !this.killing.has(pod.metadata.uid)) {
      this.killing.add(pod.metadata.uid);
      recordKilling(this.o.recorder, pod);
    }
    if (!allStopped(r.pod)) return { requeueAfterMs: r.requeueAfterMs ?? 1000 };
    try {
      await client.delete('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (err) {
      if (!(err instanceof StatusError) || (err.code !== 404 && err.code !== 409)) throw err;
    }
    runtime.removePod(pod.metadata.uid, this.env);
    this.killing.delete(pod.metadata.uid);
    return undefined;
  }

  /** the API no longer has the pod: drop what the runtime holds for it */
  forgetPod(uid: string): void {
    this.killing.delete(uid);
    this.o.runtime.removePod(uid, this.env);
  }
}
