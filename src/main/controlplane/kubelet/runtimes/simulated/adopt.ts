// After a restart of the cluster process the simulated runtime has forgotten its pods, but the API
// still shows them running. Like kubelet finding its containers still there, the runtime takes the
// state back from the pod's status instead of starting the pod over.
import type { NodeEnv, RuntimeContainer, RuntimePod } from '../types';

type Obj = Record<string, any>;

const containerOf = (s: Obj): RuntimeContainer => ({
  name: s.name,
  image: s.image ?? '',
  imageID: s.imageID ?? '',
  ...(s.containerID ? { containerID: s.containerID } : {}),
  state: s.state ?? {},
  ...(s.lastState && Object.keys(s.lastState).length ? { lastState: s.lastState } : {}),
  restartCount: s.restartCount ?? 0,
  started: !!s.started,
  ready: !!s.ready,
});

/** the runtime state the pod's status describes, or undefined when the pod never got a sandbox */
export function adoptFromStatus(pod: Obj, env: NodeEnv): RuntimePod | undefined {
  const status = pod.status ?? {};
  if (!status.podIP || !status.containerStatuses?.length) return undefined;
  const uid: string = pod.metadata.uid;
  env.reservePodIP?.(uid, status.podIP);
  return {
    uid,
    sandbox: { ready: true, ip: status.podIP, createdAtMs: status.startTime ? Date.parse(status.startTime) : 0 },
    initContainers: (status.initContainerStatuses ?? []).map(containerOf),
    containers: status.containerStatuses.map(containerOf),
  };
}
