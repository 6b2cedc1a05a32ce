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
  failed(pod: Pod, reason: string, message: string): Promise<void>;
}

export function apiReporter(client: ApiClient, recorder: EventRecorder, now: () => number): Reporter {
  return {
    scheduled(pod, node) {
      recorder.event(pod as Obj, 'Normal', 'Scheduled', scheduledEventMessage(pod, node));
    },
    async failed(pod, reason, message) {
      recorder.event(pod as Obj, 'Warning', 'FailedScheduling', message);
      const fresh = (await client.get('v1', 'Pod', pod.metadata.namespace, pod.metadata.name ?? '')) as Pod;
      if (fresh.spec.nodeName) return;
      const condition = unschedulableCondition(fresh, reason, message, now());
      if (!condition) return;
      const others = (fresh.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      fresh.status = { ...fresh.status, conditions: [...others, condition] };
      await client.updateStatus(fresh as Obj);
    },
  };
}
