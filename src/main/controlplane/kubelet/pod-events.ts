// The Events kubelet records about a pod's containers, found by comparing the container statuses
// before and after a sync: Pulled/Created/Started for a new container, BackOff on entering
// CrashLoopBackOff, Killing when a running container is stopped for deletion.
import type { EventRecorder } from '../client';

type Obj = Record<string, any>;

export function recordContainerEvents(recorder: EventRecorder, pod: Obj, before: Obj | undefined, after: Obj): void {
  const old = new Map<string, Obj>((before?.containerStatuses ?? []).map((c: Obj) => [c.name, c]));
  const specs = new Map<string, Obj>((pod.spec?.containers ?? []).map((c: Obj) => [c.name, c]));
  for (const c of after.containerStatuses ?? []) {
    const was = old.get(c.name);
    const ref = { ...pod, apiVersion: 'v1', kind: 'Pod' };
    if (c.containerID && c.containerID !== was?.containerID && c.state?.running) {
      recorder.event(ref, 'Normal', 'Pulled', `Container image "${specs.get(c.name)?.image ?? c.image}" already present on machine`);
      recorder.event(ref, 'Normal', 'Created', `Created container: ${c.name}`);
      recorder.event(ref, 'Normal', 'Started', `Started container ${c.name}`);
    }
    if (c.state?.waiting?.reason === 'CrashLoopBackOff' && was?.state?.waiting?.reason !== 'CrashLoopBackOff') {
      recorder.event(ref, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
    }
  }
}

export function recordKilling(recorder: EventRecorder, pod: Obj): void {
  for (const c of pod.status?.containerStatuses ?? []) {
    if (c.state?.running) recorder.event({ ...pod, apiVersion: 'v1', kind: 'Pod' }, 'Normal', 'Killing', `Stopping container ${c.name}`);
  }
}
