// kube-controller-manager's role: runs every controller over one shared informer factory, each with
// its own queue and workers, while holding the kube-controller-manager Lease in kube-system (as in an
// HA control plane, only the leader reconciles).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EventRecorder, LeaderElector, SharedInformerFactory, WorkQueue, runWorkers, realClock, type ApiClient, type Clock, type Logger } from '../client';
import type { Controller, ControllerContext, ControllerFactory } from './types';

export interface ControllerManagerOptions {
  client: ApiClient;
  factories: ControllerFactory[];
  clock?: Clock;
  logger: Logger;
  dataDir?: string;
  /** hold the kube-controller-manager Lease first (default true) */
  leaderElection?: boolean;
}

interface Running {
  controller: Controller;
  queue: WorkQueue;
  workers: Promise<void>;
  stopTick?: () => void;
}

export class ControllerManager {
  private readonly clock: Clock;
  private informers?: SharedInformerFactory;
  private running: Running[] = [];
  private elector?: LeaderElector;

  constructor(private readonly options: ControllerManagerOptions) {
    this.clock = options.clock ?? realClock;
  }

  start(): void {
    if (this.options.leaderElection === false) {
      void this.startControllers();
      return;
    }
    this.elector = new LeaderElector({
      client: this.options.client,
      name: 'kube-controller-manager',
      identity: `${hostname()}_${randomUUID()}`,
      releaseOnStop: true,
      clock: this.clock,
      logger: this.options.logger,
      onStartedLeading: () => void this.startControllers(),
      onStoppedLeading: () => void this.stopControllers(),
    });
    this.elector.start();
  }

  async stop(): Promise<void> {
    await this.stopControllers();
    await this.elector?.stop();
  }

  /** resolves once every informer has listed (tests and benchmarks wait on it) */
  async waitForSync(): Promise<void> {
    while (!this.informers) await new Promise((r) => setTimeout(r, 5));
    await this.informers.waitForCacheSync();
  }

  private async startControllers(): Promise<void> {
    const { client, logger, dataDir } = this.options;
    const informers = new SharedInformerFactory({ client, clock: this.clock, logger });
    const running: Running[] = [];
    for (const factory of this.options.factories) {
      const controller = factory();
      const queue = new WorkQueue({ clock: this.clock });
      const recorder = new EventRecorder({ client, component: controller.component, clock: this.clock, logger });
      const ctx: ControllerContext = { client, informers, recorder, clock: this.clock, logger, queue, dataDir };
      controller.register(ctx);
      running.push({ controller, queue, workers: Promise.resolve() });
    }
    this.informers = informers;
    this.running = running;
    informers.start();
    await informers.waitForCacheSync();
    for (const r of running) {
      r.workers = runWorkers(r.queue, r.controller.workers ?? 2, (key) => r.controller.reconcile(key), { logger, name: r.controller.name });
      if (r.controller.tick) r.stopTick = this.every(r.controller.tick.intervalMs, r.controller.tick.run, r.controller.name);
    }
  }

  /** runs `run` every `ms` on the clock, never overlapping itself; returns a stopper */
  private every(ms: number, run: () => Promise<void>, name: string): () => void {
    let stopped = false;
    let handle: unknown;
    const loop = (): void => {
      if (stopped) return;
      run()
        .catch((err) => this.options.logger.warn(`${name}: periodic work failed`, err))
        .finally(() => {
          if (!stopped) handle = this.clock.setTimeout(loop, ms);
        });
    };
    handle = this.clock.setTimeout(loop, ms);
    return () => {
      stopped = true;
      this.clock.clearTimeout(handle);
    };
  }

  private async stopControllers(): Promise<void> {
    const running = this.running;
    this.running = [];
    for (const r of running) {
      r.stopTick?.();
      r.queue.shutDown();
    }
    await Promise.all(running.map((r) => r.workers));
    await this.informers?.shutdown();
  }
}
