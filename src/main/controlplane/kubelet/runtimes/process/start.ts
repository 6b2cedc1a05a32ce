// Starting one container instance: environment (../../env), argv with $(VAR) expanded, a check that
// the host can run it, the termination-message file, cgroup limits, then the process through the
// pod's sandbox. A container that cannot start is left Waiting with upstream's reason and a message
// saying what would make it run; it never pretends to be running.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvError, expand, mappingFor } from '../../env';
import type { PodSandboxes, SandboxMount } from '../../sandbox/types';
import { createCgroup, wrap, type CgroupMode } from './cgroups';
import { checkRunnable, containerArgv } from './executable';
import { ProcessInstance, type ExitInfo } from './instance';
import { LogWriter } from './log-writer';
import { newContainerID, type ContainerRecord, type PodRecord } from './record';

type Obj = Record<string, any>;

export interface StartDeps {
  sandboxes: PodSandboxes;
  /** the container's environment; throws EnvError when a source is missing */
  envFor(pod: Obj, c: Obj, rec: PodRecord): Promise<Record<string, string>>;
  /** the container's volume mounts (real folders under the pod's folder) */
  mountsFor(pod: Obj, c: Obj, env: Record<string, string>): Promise<SandboxMount[]>;
  cgroupMode: CgroupMode;
  now(): number;
  onExit(rec: PodRecord, r: ContainerRecord, instance: ProcessInstance, exit: ExitInfo): void;
}

export const DEFAULT_TERMINATION_PATH = '/dev/termination-log';
export const terminationFile = (rec: PodRecord, name: string, restartCount: number): string => join(rec.podDir, 'containers', name, `termination-log-${restartCount}`);
export const logDir = (rec: PodRecord, name: string): string => join(rec.podDir, 'logs', name);

/** the path a container's view maps to on the host (through its mounts), for checking executables */
export function hostPathFor(path: string, mounts: SandboxMount[]): string {
  for (const m of [...mounts].sort((a, b) => b.containerPath.length - a.containerPath.length)) {
    if (path === m.containerPath || path.startsWith(`${m.containerPath.replace(/\/$/, '')}/`)) return m.hostPath + path.slice(m.containerPath.replace(/\/$/, '').length);
  }
  return path;
}

export async function startContainer(rec: PodRecord, r: ContainerRecord, c: Obj, pod: Obj, deps: StartDeps): Promise<void> {
  let env: Record<string, string>;
  try {
    env = await deps.envFor(pod, c, rec);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    r.waiting = { reason: err.reason, message: err.message };
    return;
  }
  const mapping = mappingFor(env);
  const argv = containerArgv(c).map((a) => expand(String(a), mapping));
  const mounts = await deps.mountsFor(pod, c, env);
  const problem = checkRunnable({ ...c, command: argv.length ? [hostPathFor(argv[0], mounts)] : [], args: [] }, env.PATH);
  if (problem) {
    r.waiting = { reason: problem.reason, message: problem.message };
    return;
  }
  const termination = terminationFile(rec, c.name, r.restartCount);
  mkdirSync(join(termination, '..'), { recursive: true });
  writeFileSync(termination, '');
  const allMounts = [...mounts, { hostPath: termination, containerPath: c.terminationMessagePath || DEFAULT_TERMINATION_PATH, readOnly: false }];
  const cmd = deps.sandboxes.command(rec.uid, { argv, mounts: allMounts, workingDir: c.workingDir });
  const cgroup = createCgroup(deps.cgroupMode, rec.uid, c);
  const run = wrap(cgroup, cmd.file, cmd.args);
  const log = new LogWriter({ dir: logDir(rec, c.name), restartCount: r.restartCount, now: () => new Date(deps.now()) });
  const instance = await ProcessInstance.start({ file: run.file, args: run.args, env: { ...env, ...cmd.env }, cwd: cmd.cwd, tty: !!c.tty, stdin: !!c.stdin, log });
  Object.assign(r, { instance, cgroup, containerID: newContainerID(), startedAtMs: deps.now(), waiting: undefined, exited: undefined });
  void instance.exited.then((exit) => deps.onExit(rec, r, instance, exit));
}
