// Leader election on a coordination.k8s.io/v1 Lease, as kube-scheduler and kube-controller-manager do
// (client-go's leaderelection with a Lease lock): acquire when the lease is free or its holder has not
// renewed within leaseDuration, renew every retryPeriod, and step down when renewals keep failing
// for renewDeadline or another holder took the lease. Expiry is judged by when *this* elector last
// saw the record change, not by the holder's timestamps, so clock skew between holders cannot matter.
import { StatusError } from '../../../shared/k8s/status';
import type { ApiClient, Obj } from './api-client';
import { type Clock, microTime, realClock, sleepUnless } from './clock';
import { consoleLogger, type Logger } from './logger';
import { type LeaseSpec, leaseFor, nextSpec, releasedSpec } from './lease';

export interface LeaderElectorOptions {
  client: ApiClient;
  /** lease name, e.g. kube-scheduler */
  name: string;
  namespace?: string;
  /** unique per candidate, e.g. <host>_<uuid> */
  identity: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  /** give the lease up on stop() so a successor need not wait out leaseDuration */
  releaseOnStop?: boolean;
  onStartedLeading(): void;
  onStoppedLeading(): void;
  clock?: Clock;
  logger?: Logger;
}

const LEASE = ['coordination.k8s.io/v1', 'Lease'] as const;

export class LeaderElector {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private leading = false;
  private stopped = false;
  private stopSignal!: () => void;
  private readonly stopping = new Promise<void>((resolve) => (this.stopSignal = resolve));
  private loop?: Promise<void>;
  /** the record as last seen, and when (on our clock) it last changed */
  private observed?: LeaseSpec;
  private observedAt = 0;

  constructor(private readonly options: LeaderElectorOptions) {
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? consoleLogger;
  }

  private get namespace(): string {
    return this.options.namespace ?? 'kube-system';
  }
  private get leaseDurationMs(): number {
    return this.options.leaseDurationMs ?? 15_000;
  }
  private get retryPeriodMs(): number {
    return this.options.retryPeriodMs ?? 2_000;
  }

  isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    if (!this.loop && !this.stopped) this.loop = this.run();
  }

  /** stops campaigning; a leader steps down (and releases the lease unless releaseOnStop is false) */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopSignal();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!(await this.tryAcquireOrRenew())) {
        await sleepUnless(this.clock, this.retryPeriodMs, this.stopping);
        continue;
      }
      this.leading = true;
      this.notify('onStartedLeading');
      await this.renewWhileLeading();
      if (this.stopped && this.options.releaseOnStop !== false) await this.release();
      this.leading = false;
      this.notify('onStoppedLeading');
    }
  }

  /** returns when leadership is lost or stop() is called */
  private async renewWhileLeading(): Promise<void> {
    const deadline = this.options.renewDeadlineMs ?? 10_000;
    let lastRenew = this.clock.now();
    while (await sleepUnless(this.clock, this.retryPeriodMs, this.stopping)) {
      if (await this.tryAcquireOrRenew()) lastRenew = this.clock.now();
      else if (this.heldByOther() || this.clock.now() - lastRenew >= deadline) {
        this.logger.warn(`lost the lease ${this.namespace}/${this.options.name}`);
        return;
      }
    }
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    const { client, name, identity } = this.options;
    const now = this.clock.now();
    const durationSeconds = Math.round(this.leaseDurationMs / 1000);
    try {
      let lease: Obj;
      try {
        lease = await client.get(...LEASE, this.namespace, name);
      } catch (err) {
        if (!(err instanceof StatusError && err.code === 404)) throw err;
        const spec = nextSpec(undefined, identity, durationSeconds, microTime(now));
        await client.create(leaseFor(name, this.namespace, spec));
        this.observe(spec, now);
        return true;
      }
      const current: LeaseSpec = lease.spec ?? {};
      this.observe(current, now);
      if (this.heldByOther() && this.observedAt + (current.leaseDurationSeconds ?? durationSeconds) * 1000 > now) return false;
      const spec = nextSpec(current, identity, durationSeconds, microTime(now));
      await client.update({ ...lease, spec });
      this.observe(spec, now);
      return true;
    } catch (err) {
      // Conflicts are normal when candidates race; anything else is worth a line in the log.
      if (!(err instanceof StatusError && err.code === 409)) this.logger.warn(`lease ${this.namespace}/${name}: ${String(err)}`);
      return false;
    }
  }

  private async release(): Promise<void> {
    try {
      const lease = await this.options.client.get(...LEASE, this.namespace, this.options.name);
      if (lease.spec?.holderIdentity !== this.options.identity) return;
      await this.options.client.update({ ...lease, spec: releasedSpec(lease.spec, microTime(this.clock.now())) });
    } catch (err) {
      this.logger.warn(`could not release lease ${this.namespace}/${this.options.name}`, err);
    }
  }

  private observe(spec: LeaseSpec, now: number): void {
    const o = this.observed;
    if (!o || o.holderIdentity !== spec.holderIdentity || o.renewTime !== spec.renewTime || o.leaseTransitions !== spec.leaseTransitions) this.observedAt = now;
    this.observed = spec;
  }

  private heldByOther(): boolean {
    const holder = this.observed?.holderIdentity;
    return Boolean(holder) && holder !== this.options.identity;
  }

  private notify(callback: 'onStartedLeading' | 'onStoppedLeading'): void {
    try {
      this.options[callback]();
    } catch (err) {
      this.logger.warn(`${callback} failed`, err);
    }
  }
}
