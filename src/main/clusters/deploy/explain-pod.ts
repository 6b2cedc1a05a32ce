// Why a pod is not Ready, in the words a user needs: the scheduler's reason, a container the node
// cannot start (image not runnable on the process runtime, pull errors on real clusters), or a
// crash loop with the exit code. Pure: the caller adds the crashed container's last log lines.
import type { RolloutPod } from '../../../shared/bridge/methods-deploy';

type Obj = Record<string, any>;

const containerStatuses = (pod: Obj): Obj[] => [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];

/** the container that crashed, if the pod is in a crash loop or restarted after a failure */
export const crashedContainer = (pod: Obj): string | undefined =>
  containerStatuses(pod).find((c) => c.state?.waiting?.reason === 'CrashLoopBackOff' || (c.lastState?.terminated && c.lastState.terminated.exitCode !== 0))?.name;

export function explainPod(pod: Obj): RolloutPod {
  const statuses = containerStatuses(pod);
  const ready = (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
  const out: RolloutPod = { name: pod.metadata.name, phase: pod.metadata.deletionTimestamp ? 'Terminating' : pod.status?.phase ?? 'Pending', ready, restarts: statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0) };
  if (ready) return out;
  const scheduled = (pod.status?.conditions ?? []).find((c: Obj) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') return { ...out, problem: `not scheduled: ${scheduled.message ?? scheduled.reason}` };
  for (const c of statuses) {
    const waiting = c.state?.waiting;
    if (waiting?.reason === 'CrashLoopBackOff') {
      const t = c.lastState?.terminated;
      return { ...out, problem: `container ${c.name} keeps crashing${t ? ` (exit code ${t.exitCode}${t.reason ? `, ${t.reason}` : ''})` : ''}; restarted ${c.restartCount} times` };
    }
    if (waiting && waiting.reason !== 'ContainerCreating' && waiting.reason !== 'PodInitializing') return { ...out, problem: `container ${c.name}: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}` };
    if (c.state?.terminated && c.state.terminated.exitCode !== 0) return { ...out, problem: `container ${c.name} exited with code ${c.state.terminated.exitCode}${c.state.terminated.message ? `: ${c.state.terminated.message}` : ''}` };
  }
  if (out.phase === 'Running' && statuses.some((c) => c.state?.running && !c.ready)) return { ...out, problem: 'running, waiting for its readiness check to pass' };
  return out;
}
