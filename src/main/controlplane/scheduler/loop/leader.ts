// Runs a scheduler only while this process holds the kube-system/kube-scheduler Lease. Each term of
// leadership gets a fresh Scheduler (fresh snapshot and queue, as a restarted kube-scheduler would);
// the decisions kept for explain() carry over.
import { LeaderElector } from '../../client/leader-elector';
import type { ApiClient } from '../../client/api-client';
import type { Clock } from '../../client/clock';
import type { Logger } from '../../client/logger';
import { Explanations } from '../explain/explanations';
import type { Explanation } from '../explain/record';
import type { Scheduler } from './scheduler';

export interface LeaderOptions {
  client: ApiClient;
  identity: string;
  /** Builds the scheduler for one term of leadership; pass `explanations` into its options. */
  makeScheduler(explanations: Explanations): Scheduler;
  explanationCapacity?: number;
  clock?: Clock;
  logger?: Logger;
}

export interface LeadingScheduler {
  elector: LeaderElector;
  explain(namespace: string, name: string): Explanation | undefined;
  current(): Scheduler | undefined;
  stop(): Promise<void>;
}

export function runWithLeaderElection(o: LeaderOptions): LeadingScheduler {
  const explanations = new Explanations(o.explanationCapacity ?? 10_000);
  let current: Scheduler | undefined;
  const elector = new LeaderElector({
    client: o.client,
    name: 'kube-scheduler',
    namespace: 'kube-system',
    identity: o.identity,
    releaseOnStop: true,
    clock: o.clock,
    logger: o.logger,
    onStartedLeading: () => {
      const s = (current = o.makeScheduler(explanations));
      void s.start().catch((err) => o.logger?.warn('scheduler failed to start', err));
    },
    onStoppedLeading: () => {
      const s = current;
      current = undefined;
      void s?.stop();
    },
  });
  elector.start();
  return {
    elector,
    explain: (namespace, name) => explanations.explain(namespace, name),
    current: () => current,
    stop: async () => {
      await elector.stop();
      await current?.stop();
    },
  };
}
