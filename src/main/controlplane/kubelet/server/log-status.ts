// Which instance of a container has logs, from the pod's status: kubelet's
// validateContainerLogStatus, with its messages (kubectl shows them as "Error from server (BadRequest): …").
import { StreamError } from './types';

type Obj = Record<string, any>;

const statusOf = (pod: Obj, container: string): Obj | undefined => {
  const s = pod.status ?? {};
  return [...(s.containerStatuses ?? []), ...(s.initContainerStatuses ?? []), ...(s.ephemeralContainerStatuses ?? [])].find((c: Obj) => c.name === container);
};

/** throws when there is nothing to read; otherwise whether to read the previous instance */
export const checkContainerLogStatus = (pod: Obj, container: string, previous: boolean): void => {
  const podName = pod.metadata?.name;
  const cs = statusOf(pod, container);
  if (!cs) throw new StreamError(400, `container "${container}" in pod "${podName}" is not available`);
  const last = cs.lastState?.terminated;
  const { waiting, running, terminated } = cs.state ?? {};
  if (previous) {
    if (!last) throw new StreamError(400, `previous terminated container "${container}" in pod "${podName}" not found`);
    return;
  }
  if (running || terminated || last) return;
  if (waiting) {
    const reason =
      waiting.reason === 'ErrImagePull' ? "image can't be pulled" : waiting.reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : waiting.reason;
    throw new StreamError(400, `container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  throw new StreamError(400, `container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
};
