// What a user sees of a decision: the PodScheduled condition and an Event, worded as kube-scheduler's.
import type { ApiClient, Obj } from '../../client/api-client';
import type { EventRecorder } from '../../client/event-recorder';
import { timestamp } from '../../client/clock';
import type { Pod, PodCondition } from '../api';

export const REASON_UNSCHEDULABLE = 'Unschedulable';
export const REASON_SCHEDULER_ERROR = 'SchedulerError';

export function scheduledEventMessage(pod: Pod, node: string): string {
  return `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`;
}

/** The condition to set, or undefined when the pod already carries the same one. */
export function unschedulableCondition(pod: Pod, reason: string, message: string, now: number): PodCondition | undefined {
  const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (current && current.status === 'False' && current.reason === reason && current.message === message) return undefined;
  const changed = !current || current.status !== 'False';
  return {
    type: 'PodScheduled',
    status: 'False',
    reason,
    message,
    lastProbeTime: null,
    lastTransitionTime: changed ? timestamp(now) : (current.lastTransitionTime ?? timestamp(now)),
  };
}

export interface Reporter {
  scheduled(pod: Pod, node: string): void;
  /** nominatedNode: where preemption is making room, recorded as status.nominatedNodeName. */
  failed(pod: Pod, reason: string, message: string, nominatedNode?: string): Promise<void>;
  /** Evicts a preemption victim, marking why first, as upstream does. */
  preempt(victim: Pod, by: Pod, node: string): Promise<void>;
}

export function apiReporter(client: ApiClient, recorder: EventRecorder, now: () => number): Reporter {
  return {
    scheduled(pod, node) {
      recorder.event(pod as Obj, 'Normal', 'Scheduled', scheduledEventMessage(pod, node));
    },
    async failed(pod, reason, message, nominatedNode) {
      recorder.event(pod as Obj, 'Warning', 'FailedScheduling', message);
      const fresh = (await client.get('v1', 'Pod', pod.metadata.namespace, pod.metadata.name ?? '')) as Pod;
      if (fresh.spec.nodeName) return;
      const condition = unschedulableCondition(fresh, reason, message, now());
      const nominate = nominatedNode !== undefined && fresh.status?.nominatedNodeName !== nominatedNode;
      if (!condition && !nominate) return;
      const others = (fresh.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled' || !condition);
      fresh.status = { ...fresh.status, conditions: condition ? [...others, condition] : others };
      if (nominate) fresh.status.nominatedNodeName = nominatedNode;
      await client.updateStatus(fresh as Obj);
    },
    async preempt(victim, by, node) {
      const { namespace, name = '' } = victim.metadata;
      recorder.event(victim as Obj, 'Normal', 'Preempted', `Preempted by pod ${by.metadata.uid} on node ${node}`);
      try {
        const fresh = (await client.get('v1', 'Pod', namespace, name)) as Pod;
        const disruption: PodCondition = {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'PreemptionByScheduler',
          message: 'default-scheduler: preempting to accommodate a higher priority pod',
          lastTransitionTime: timestamp(now()),
        };
        const others = (fresh.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
        await client.updateStatus({ ...fresh, status: { ...fresh.status, conditions: [...others, disruption] } } as Obj);
      } catch {
        // The condition is informative; eviction goes ahead without it.
      }
      await client.delete('v1', 'Pod', namespace, name);
    },
  };
}
