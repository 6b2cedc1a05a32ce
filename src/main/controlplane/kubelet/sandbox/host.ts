// The fallback sandbox where namespaces are not available (macOS, Windows, Linux without root): pods
// share the host's network and file system. command() keeps argv as is; the runtime spawns it with the
// answered cwd and env. Volumes stay at their real folders, named in WHEELHOUSE_MOUNTS, since nothing
// can put them at their containerPath.
import { existsSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { removeEtcFiles, writeEtcFiles } from './etc-files';
import { mapThroughMounts } from './mount-table';
import type { PodSandboxes, SandboxCommand, SandboxProcess, SandboxSpec } from './types';

export interface HostOptions {
  /** the address every pod gets: the node's InternalIP where it is reachable, else 127.0.0.1 */
  ip: string;
  clusterDomain: string;
  reason: string;
}

export class HostSandboxes implements PodSandboxes {
  readonly kind = 'host' as const;
  readonly reason: string;
  private readonly podDirs = new Map<string, string>();

  constructor(private readonly o: HostOptions) {
    this.reason = o.reason;
  }

  async create(spec: SandboxSpec): Promise<{ ip: string }> {
    await writeEtcFiles(spec, this.o.ip, this.o.clusterDomain, osHostname());
    this.podDirs.set(spec.uid, spec.podDir);
    return { ip: this.o.ip };
  }

  command(uid: string, proc: SandboxProcess): SandboxCommand {
    const podDir = this.podDirs.get(uid);
    if (!podDir) throw new Error(`pod ${uid} has no sandbox on this node: create it before starting a process`);
    if (!proc.argv.length) throw new Error(`pod ${uid}: nothing to run (empty command)`);
    const mounts = Object.fromEntries(proc.mounts.map((m) => [m.containerPath, m.hostPath]));
    const wd = proc.workingDir && (mapThroughMounts(proc.workingDir, proc.mounts) ?? proc.workingDir);
    // A workingDir that exists only in the image cannot be entered here: the pod's folder stands in.
    const cwd = wd && existsSync(wd) ? wd : podDir;
    return { file: proc.argv[0], args: proc.argv.slice(1), cwd, env: { WHEELHOUSE_POD_DIR: podDir, WHEELHOUSE_MOUNTS: JSON.stringify(mounts) } };
  }

  async destroy(uid: string): Promise<void> {
    const podDir = this.podDirs.get(uid);
    this.podDirs.delete(uid);
    if (podDir) await removeEtcFiles(podDir);
  }

  async prune(): Promise<string[]> {
    return [];
  }

  async close(): Promise<void> {}
}
