// kube-scheduler's loop over the pure core: pop a pod, run a cycle on the snapshot, assume it on the
// chosen node at once (so the next cycle sees it), then bind through pods/binding in the background.
// Failures become a PodScheduled=False condition, a FailedScheduling event and a parked pod.
import type { ApiClient } from '../../client/api-client';
import { type Clock, realClock } from '../../client/clock';
import type { EventRecorder } from '../../client/event-recorder';
import type { SharedInformerFactory } from '../../client/informer-factory';
import { consoleLogger, type Logger } from '../../client/logger';
import type { Pod } from '../api';
import { Cycle } from '../framework/cycle';
import type { Profile } from '../framework/types';
import { defaultProfile } from '../default-profile';
import { Explanations } from '../explain/explanations';
import type { Explanation } from '../explain/record';
import { Snapshot } from '../snapshot/snapshot';
import { SchedulingQueue, type QueuedPod } from '../queue/scheduling-queue';
import { namespaceHandlers, nodeHandlers, podHandlers, isPendingFor } from './informer-handlers';
import { defaultSpreadSelector } from './default-selector';
import { apiReporter, REASON_SCHEDULER_ERROR, REASON_UNSCHEDULABLE, type Reporter } from './report';

export interface SchedulerOptions {
  client: ApiClient;
  informers: SharedInformerFactory;
  recorder: EventRecorder;
  profile?: Profile;
  clock?: Clock;
  logger?: Logger;
  /** Tie-breaker between equally scored nodes; defaults to Math.random as upstream. */
  rng?: () => number;
  /** How many pods' decisions to keep for explain(). */
  explanationCapacity?: number;
  /** A store of decisions that outlives this instance (e.g. across leadership changes). */
  explanations?: Explanations;
}

export class Scheduler {
  readonly snapshot = new Snapshot();
  readonly queue: SchedulingQueue;
  readonly explanations: Explanations;
  private readonly cycle: Cycle;
  private readonly profile: Profile;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly reporter: Reporter;
  private readonly binds = new Set<Promise<void>>();
  private loop?: Promise<void>;
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly o: SchedulerOptions) {
    this.clock = o.clock ?? realClock;
    this.logger = o.logger ?? consoleLogger;
    this.profile = o.profile ?? defaultProfile();
    this.queue = new SchedulingQueue({ clock: this.clock });
    this.explanations = o.explanations ?? new Explanations(o.explanationCapacity ?? 10_000);
    this.cycle = new Cycle(this.profile, { rng: o.rng ?? Math.random, now: () => this.clock.now() });
    this.reporter = apiReporter(o.client, o.recorder, () => this.clock.now());
  }

  /** Why the pod is where it is, or why it is still pending: the last decision about it. */
  explain(namespace: string, name: string): Explanation | undefined {
    return this.explanations.explain(namespace, name);
  }

  /** Subscribes to informers and starts scheduling; call once this instance leads. Single use: after
   *  stop(), make a new Scheduler (sharing `explanations`) rather than starting this one again. */
  async start(): Promise<void> {
    const { informers } = this.o;
    const name = this.profile.schedulerName;
    this.unsubscribe = [
      informers.informerFor('v1', 'Namespace').addEventHandler(namespaceHandlers(this.snapshot, this.queue)),
      informers.informerFor('v1', 'Node').addEventHandler(nodeHandlers(this.snapshot, this.queue)),
      informers.informerFor('v1', 'Pod').addEventHandler(podHandlers(name, this.snapshot, this.queue)),
    ];
    this.snapshot.spreadSelector = defaultSpreadSelector(informers, (apiVersion, kind) => {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      return !!this.o.client.resources.byKind(group, version, kind);
    });
    informers.start();
    await informers.waitForCacheSync();
    this.queue.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.queue.close();
    await this.loop;
    await Promise.allSettled([...this.binds]);
  }

  private async run(): Promise<void> {
    for (;;) {
      const q = await this.queue.pop();
      if (!q) return;
      try {
        this.scheduleOne(q);
      } catch (err) {
        this.logger.warn(`scheduling ${q.info.key} failed`, err);
        this.queue.addBackoff(q);
      }
      // Let informer events and bind results in between cycles, as the Go scheduler's goroutines do.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** One pod through the pure cycle; the result is assumed at once and bound in the background. */
  scheduleOne(q: QueuedPod): void {
    const pod = q.info.pod;
    const latest = this.o.informers.informerFor('v1', 'Pod').lister.get(q.info.key) as Pod | undefined;
    if (!latest || !isPendingFor(this.profile.schedulerName, latest)) {
      this.queue.done(q.info.key);
      return;
    }
    const r = this.cycle.run(this.snapshot, q.info, q.nominatedNode);
    this.explanations.keep(r.record);
    if (r.node) {
      this.snapshot.assumePod(q.info, r.node);
      this.track(this.bind(q, r.node));
      return;
    }
    if (r.nominated) {
      q.nominatedNode = r.nominated.node;
      for (const v of r.nominated.victims) this.track(this.reporter.preempt(v.pod, pod, r.nominated.node));
    }
    if (r.error) this.queue.addBackoff(q);
    else this.queue.addUnschedulable(q, r.rejectors);
    this.track(this.reporter.failed(pod, r.error ? REASON_SCHEDULER_ERROR : REASON_UNSCHEDULABLE, r.message ?? '', r.nominated?.node));
  }

  private async bind(q: QueuedPod, node: string): Promise<void> {
    const pod = q.info.pod;
    try {
      await this.o.client.bindPod(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', node, pod.metadata.uid);
      this.queue.done(q.info.key);
      this.reporter.scheduled(pod, node);
    } catch (err) {
      this.snapshot.forgetPod(q.info.key);
      const message = `binding rejected: ${err instanceof Error ? err.message : String(err)}`;
      this.queue.addBackoff(q);
      await this.reporter.failed(pod, REASON_SCHEDULER_ERROR, message);
    }
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch((err) => this.logger.warn('scheduler write failed', err)).finally(() => this.binds.delete(tracked));
    this.binds.add(tracked);
  }
}
