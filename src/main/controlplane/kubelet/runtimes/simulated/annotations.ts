// Annotations a user sets on a pod to steer the simulated runtime (documented in kubelet/README.md).
type Obj = Record<string, any>;

/** containers exit with this code (also pods with restartPolicy Always: they then crash-loop) */
export const EXIT_CODE = 'wheelhouse.dev/simulate-exit-code';
/** how long containers run before they exit, in seconds (default 1 s for pods that exit) */
export const RUN_SECONDS = 'wheelhouse.dev/simulate-run-seconds';
/** how long containers take to start, in seconds (default: the runtime's start delay) */
export const START_SECONDS = 'wheelhouse.dev/simulate-start-seconds';

const numberAt = (pod: Obj, key: string): number | undefined => {
  const raw = pod.metadata?.annotations?.[key];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
};

export const exitCodeOf = (pod: Obj): number | undefined => numberAt(pod, EXIT_CODE);
export const runSecondsOf = (pod: Obj): number | undefined => numberAt(pod, RUN_SECONDS);
export const startSecondsOf = (pod: Obj): number | undefined => numberAt(pod, START_SECONDS);

const ownedByJob = (pod: Obj): boolean => (pod.metadata?.ownerReferences ?? []).some((r: Obj) => r.kind === 'Job' && r.controller);
const hasCommand = (pod: Obj): boolean => (pod.spec?.containers ?? []).some((c: Obj) => (c.command?.length ?? 0) > 0 || (c.args?.length ?? 0) > 0);

/** whether the pod's containers finish on their own: asked by annotation, or a run-to-completion pod (Job, or a command with restartPolicy Never/OnFailure) */
export const containersExit = (pod: Obj): boolean => {
  if (exitCodeOf(pod) !== undefined || runSecondsOf(pod) !== undefined) return true;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  return policy !== 'Always' && (ownedByJob(pod) || hasCommand(pod));
};
