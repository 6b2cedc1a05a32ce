// A container's volumeMounts as the sandbox's mounts: which real folder or file each one is, with
// subPath / subPathExpr, and read-only where upstream makes it so (API-data volumes always are).
import { existsSync, mkdirSync, readlinkSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Obj } from '../../client';
import { expand, mappingFor } from '../env/expand';
import type { SandboxMount } from '../sandbox/types';
import { VolumeError } from './errors';
import { isProjection } from './payloads';

export const volumeDir = (podDir: string, name: string): string => join(podDir, 'volumes', name);

/** where a volume's content really is on this machine */
function sourcePath(volume: Obj, podDir: string): string {
  if (volume.hostPath) return volume.hostPath.path;
  const dir = volumeDir(podDir, volume.name);
  // A claim's folder is outside the pod; setUp left a symlink to it, so this survives a restart.
  if (volume.persistentVolumeClaim || volume.ephemeral) {
    try {
      return readlinkSync(dir);
    } catch {
      throw new VolumeError('FailedMount', `volume "${volume.name}" is not set up yet: its claim has no folder on this node`);
    }
  }
  return dir;
}

const badSubPath = (p: string): boolean => isAbsolute(p) || p.split('/').includes('..');

function subPathOf(mount: Obj, env: Record<string, string> | undefined, container: string): string | undefined {
  const sub: string | undefined = mount.subPathExpr ? expand(mount.subPathExpr, mappingFor(env ?? {})) : mount.subPath;
  if (!sub) return undefined;
  if (badSubPath(sub)) throw new VolumeError('FailedMount', `failed to prepare subPath for volumeMount "${mount.name}" of container "${container}": ${JSON.stringify(sub)} must be a relative path without '..'`);
  return sub;
}

/** the mounts for one container; `env` (its environment) expands subPathExpr */
export function mountsFor(pod: Obj, container: Obj, podDir: string, env?: Record<string, string>): SandboxMount[] {
  const volumes = new Map<string, Obj>(((pod.spec?.volumes ?? []) as Obj[]).map((v) => [v.name, v]));
  return ((container.volumeMounts ?? []) as Obj[]).map((m) => {
    const volume = volumes.get(m.name);
    if (!volume) throw new VolumeError('FailedMount', `cannot find volume "${m.name}" to mount into container "${container.name}"`);
    let hostPath = sourcePath(volume, podDir);
    const sub = subPathOf(m, env, container.name);
    if (sub) {
      hostPath = join(hostPath, sub);
      // kubelet makes a missing subPath a folder rather than failing the container.
      if (!existsSync(hostPath)) mkdirSync(hostPath, { recursive: true, mode: 0o750 });
    }
    const readOnly = !!m.readOnly || isProjection(volume) || !!volume.persistentVolumeClaim?.readOnly || !!volume.hostPath?.readOnly;
    return { hostPath, containerPath: m.mountPath, readOnly };
  });
}
