// The Events kubelet records about a pod's containers, found by comparing the container statuses
// before and after a sync: Pulled/Created/Started for a new container instance (even one that already
// ended), Failed when a container cannot be created, BackOff on entering CrashLoopBackOff, Killing
// when a running container is stopped for deletion.
import type { EventRecorder } from '../client';

type Obj = Record<string, any>;

const CREATE_ERRORS = new Set(['CreateContainerError', 'CreateContainerConfigError', 'RunContainerError']);

export function recordContainerEvents(recorder: EventRecorder, pod: Obj, before: Obj | undefined, after: Obj): void {
  const statuses = (s: Obj | undefined): Obj[] => [...(s?.initContainerStatuses ?? []), ...(s?.containerStatuses ?? [])];
  const old = new Map<string, Obj>(statuses(before).map((c: Obj) => [c.name, c]));
  const specs = new Map<string, Obj>([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c: Obj) => [c.name, c]));
  const ref = { ...pod, apiVersion: 'v1', kind: 'Pod' };
  for (const c of statuses(after)) {
    const was = old.get(c.name);
    const ended = c.state?.terminated?.containerID === c.containerID;
    if (c.containerID && c.containerID !== was?.containerID && (c.state?.running || ended)) {
      recorder.event(ref, 'Normal', 'Pulled', `Container image "${specs.get(c.name)?.image ?? c.image}" already present on machine`);
      recorder.event(ref, 'Normal', 'Created', `Created container: ${c.name}`);
      recorder.event(ref, 'Normal', 'Started', `Started container ${c.name}`);
    }
    const waiting = c.state?.waiting;
    if (waiting && CREATE_ERRORS.has(waiting.reason) && (was?.state?.waiting?.reason !== waiting.reason || was?.state?.waiting?.message !== waiting.message)) {
      recorder.event(ref, 'Warning', 'Failed', `Error: ${waiting.message ?? waiting.reason}`);
    }
    if (waiting?.reason === 'CrashLoopBackOff' && was?.state?.waiting?.reason !== 'CrashLoopBackOff') {
      recorder.event(ref, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
    }
  }
}

export function recordKilling(recorder: EventRecorder, pod: Obj): void {
  for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    if (c.state?.running) recorder.event({ ...pod, apiVersion: 'v1', kind: 'Pod' }, 'Normal', 'Killing', `Stopping container ${c.name}`);
  }
}
