// A pod's volumes on the local node: each one made real under <podDir>/volumes/<name> (or found on
// the host, for hostPath and claims), kept current while the pod runs, and removed with the pod.
import { chmod, lstat, mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiClient, Clock, Logger, Obj } from '../../client';
import { nodeAllocatable } from '../env/resource-ref';
import { SourceCache } from '../env/sources';
import type { SandboxMount } from '../sandbox/types';
import { writePayload } from './atomic-writer';
import { setUpFailed, SourceError, VolumeError } from './errors';
import { checkHostPath } from './host-path';
import { canMountTmpfs, mountTmpfs, unmountUnder } from './memory-medium';
import { mountsFor, volumeDir } from './mounts';
import { isProjection, payloadOf, type PayloadContext } from './payloads';
import { claimPath } from './pvc';
import { PodTokens } from './tokens';

export interface PodVolumesOptions {
  client: ApiClient;
  clock: Clock;
  logger: Logger;
  /** emptyDir medium Memory as a tmpfs (default where it can be: Linux as root) or a plain folder */
  memoryMedium?: 'tmpfs' | 'folder';
}

export class PodVolumes {
  private readonly tokens: PodTokens;
  /** podDir → pod uid, to forget a pod's tokens on tearDown */
  private readonly uids = new Map<string, string>();

  private readonly memoryMedium: 'tmpfs' | 'folder';

  constructor(private readonly o: PodVolumesOptions) {
    this.tokens = new PodTokens(o.client, o.clock);
    this.memoryMedium = o.memoryMedium ?? (canMountTmpfs() ? 'tmpfs' : 'folder');
  }

  /** makes every volume of the pod real; throws VolumeError (FailedMount) naming the first that cannot be */
  async setUp(pod: Obj, podDir: string): Promise<void> {
    this.uids.set(podDir, pod.metadata.uid);
    const ctx = this.context(pod);
    await mkdir(join(podDir, 'volumes'), { recursive: true });
    for (const volume of (pod.spec?.volumes ?? []) as Obj[]) {
      try {
        await this.setUpOne(pod, volume, podDir, ctx);
      } catch (err) {
        if (err instanceof SourceError) throw setUpFailed(volume.name, err.message);
        if (err instanceof VolumeError) throw err;
        throw setUpFailed(volume.name, (err as Error).message);
      }
    }
  }

  mountsFor(pod: Obj, container: Obj, podDir: string, env?: Record<string, string>): SandboxMount[] {
    return mountsFor(pod, container, podDir, env);
  }

  /** re-writes API-backed volumes whose source changed; a failure keeps the old files and is logged */
  async refresh(pod: Obj, podDir: string): Promise<void> {
    const ctx = this.context(pod);
    for (const volume of (pod.spec?.volumes ?? []) as Obj[]) {
      if (!isProjection(volume)) continue;
      try {
        await writePayload(volumeDir(podDir, volume.name), await payloadOf(volume, ctx), new Date(this.o.clock.now()));
      } catch (err) {
        this.o.logger.warn(`pod ${pod.metadata.namespace}/${pod.metadata.name}: volume "${volume.name}" not refreshed: ${(err as Error).message}`);
      }
    }
  }

  async tearDown(podDir: string): Promise<void> {
    const uid = this.uids.get(podDir);
    if (uid) this.tokens.drop(uid);
    this.uids.delete(podDir);
    await unmountUnder(join(podDir, 'volumes'));
    // rm never follows the claim symlinks: a claim's data outlives the pod.
    await rm(join(podDir, 'volumes'), { recursive: true, force: true });
  }

  private context(pod: Obj): PayloadContext {
    let allocatable: Promise<Record<string, string>> | undefined;
    return {
      pod,
      sources: new SourceCache(this.o.client),
      allocatable: () => (allocatable ??= nodeAllocatable(this.o.client, pod.spec?.nodeName)),
      addresses: { podIP: pod.status?.podIP ?? '', hostIP: pod.status?.hostIP ?? '' },
      token: (source) => this.tokens.get(pod, source),
    };
  }

  private async setUpOne(pod: Obj, volume: Obj, podDir: string, ctx: PayloadContext): Promise<void> {
    const dir = volumeDir(podDir, volume.name);
    if (volume.emptyDir) {
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o777);
      if (volume.emptyDir.medium === 'Memory' && this.memoryMedium === 'tmpfs') await mountTmpfs(dir, volume.emptyDir.sizeLimit);
    } else if (volume.hostPath) {
      await checkHostPath(volume.hostPath.path, volume.hostPath.type);
    } else if (volume.persistentVolumeClaim || volume.ephemeral) {
      // A generic ephemeral volume is the claim "<pod>-<volume>" its controller makes.
      const source = volume.persistentVolumeClaim ?? { claimName: `${pod.metadata.name}-${volume.name}` };
      await linkTo(dir, await claimPath(this.o.client, pod, source));
    } else if (isProjection(volume)) {
      await writePayload(dir, await payloadOf(volume, ctx), new Date(this.o.clock.now()));
    } else {
      const kind = Object.keys(volume).find((k) => k !== 'name') ?? 'unknown';
      throw new SourceError(`volume type "${kind}" is not supported by the local node's process runtime`);
    }
  }
}

async function linkTo(link: string, target: string): Promise<void> {
  const st = await lstat(link).catch(() => undefined);
  if (st) await rm(link, { recursive: !st.isSymbolicLink(), force: true });
  await symlink(target, link);
}
