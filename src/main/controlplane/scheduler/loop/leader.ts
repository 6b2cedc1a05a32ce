// Runs the scheduler only while this process holds the kube-system/kube-scheduler Lease.
import { LeaderElector } from '../../client/leader-elector';
import type { Scheduler } from './scheduler';
import type { ApiClient } from '../../client/api-client';
import type { Clock } from '../../client/clock';
import type { Logger } from '../../client/logger';

export interface LeaderOptions {
  client: ApiClient;
  identity: string;
  clock?: Clock;
  logger?: Logger;
}

export function runWithLeaderElection(scheduler: Scheduler, o: LeaderOptions): LeaderElector {
  const elector = new LeaderElector({
    client: o.client,
    name: 'kube-scheduler',
    namespace: 'kube-system',
    identity: o.identity,
    releaseOnStop: true,
    clock: o.clock,
    logger: o.logger,
    onStartedLeading: () => void scheduler.start().catch((err) => o.logger?.warn('scheduler failed to start', err)),
    onStoppedLeading: () => void scheduler.stop(),
  });
  elector.start();
  return elector;
}
