// Resource limits through cgroups where the host has them: v1 (memory + cpu controllers, as root) or
// v2 (a writable unified hierarchy). Each container gets wheelhouse/<pod uid>/<container> with
// memory and CPU limits from resources.limits; the process joins it before it execs (see `wrap`), so
// nothing it forks escapes. Without cgroups (macOS, Windows, no root) limits are not enforced.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Obj = Record<string, any>;

const V1 = '/sys/fs/cgroup';
const CPU_PERIOD_US = 100_000;

export interface ContainerCgroup {
  /** files whose cgroup.procs the process writes itself into */
  procs: string[];
  /** whether the kernel killed it for going over its memory limit */
  oomKilled(): boolean;
  remove(): void;
}

export type CgroupMode = 'v1' | 'v2' | 'none';

export function detectCgroups(): { mode: CgroupMode; reason: string } {
  if (process.platform !== 'linux') return { mode: 'none', reason: `cgroups do not exist on ${process.platform}: limits are not enforced` };
  if (process.getuid?.() !== 0) return { mode: 'none', reason: 'not root: cgroup limits are not enforced' };
  if (existsSync(join(V1, 'memory', 'memory.limit_in_bytes')) && existsSync(join(V1, 'cpu', 'cpu.cfs_quota_us'))) return { mode: 'v1', reason: 'cgroup v1 memory and cpu controllers' };
  if (existsSync(join(V1, 'cgroup.controllers'))) return { mode: 'v2', reason: 'cgroup v2 unified hierarchy' };
  return { mode: 'none', reason: 'no cgroup hierarchy found: limits are not enforced' };
}

/** quantity → number (bytes or cores) for the suffixes limits use */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(m|k|Ki|M|Mi|G|Gi|T|Ti|E|Ei|P|Pi)?$/.exec(String(q));
  if (!m) return undefined;
  const mult: Record<string, number> = { m: 1e-3, k: 1e3, Ki: 1024, M: 1e6, Mi: 1024 ** 2, G: 1e9, Gi: 1024 ** 3, T: 1e12, Ti: 1024 ** 4, P: 1e15, Pi: 1024 ** 5, E: 1e18, Ei: 1024 ** 6 };
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
}

/** makes the container's cgroup with its limits; undefined when it has none or the host has no cgroups */
export function createCgroup(mode: CgroupMode, uid: string, container: Obj): ContainerCgroup | undefined {
  const memory = parseQuantity(container.resources?.limits?.memory);
  const cpu = parseQuantity(container.resources?.limits?.cpu);
  if (mode === 'none' || (memory === undefined && cpu === undefined)) return undefined;
  try {
    return mode === 'v1' ? v1(uid, container.name, memory, cpu) : v2(uid, container.name, memory, cpu);
  } catch {
    return undefined;
  }
}

function v1(uid: string, name: string, memory?: number, cpu?: number): ContainerCgroup {
  const mem = join(V1, 'memory', 'wheelhouse', uid, name);
  const cpuDir = join(V1, 'cpu', 'wheelhouse', uid, name);
  const dirs: string[] = [];
  if (memory !== undefined) {
    mkdirSync(mem, { recursive: true });
    writeFileSync(join(mem, 'memory.limit_in_bytes'), String(Math.floor(memory)));
    dirs.push(mem);
  }
  if (cpu !== undefined) {
    mkdirSync(cpuDir, { recursive: true });
    writeFileSync(join(cpuDir, 'cpu.cfs_period_us'), String(CPU_PERIOD_US));
    writeFileSync(join(cpuDir, 'cpu.cfs_quota_us'), String(Math.max(1000, Math.round(cpu * CPU_PERIOD_US))));
    dirs.push(cpuDir);
  }
  const oomKills = (): number => Number(/oom_kill (\d+)/.exec(safeRead(join(mem, 'memory.oom_control')))?.[1] ?? 0);
  return { procs: dirs.map((d) => join(d, 'cgroup.procs')), oomKilled: () => memory !== undefined && oomKills() > 0, remove: () => removeDirs(dirs) };
}

function v2(uid: string, name: string, memory?: number, cpu?: number): ContainerCgroup {
  const dir = join(V1, 'wheelhouse', uid, name);
  mkdirSync(dir, { recursive: true });
  if (memory !== undefined) writeFileSync(join(dir, 'memory.max'), String(Math.floor(memory)));
  if (cpu !== undefined) writeFileSync(join(dir, 'cpu.max'), `${Math.max(1000, Math.round(cpu * CPU_PERIOD_US))} ${CPU_PERIOD_US}`);
  const oomKills = (): number => Number(/oom_kill (\d+)/.exec(safeRead(join(dir, 'memory.events')))?.[1] ?? 0);
  return { procs: [join(dir, 'cgroup.procs')], oomKilled: () => memory !== undefined && oomKills() > 0, remove: () => removeDirs([dir]) };
}

/** argv that joins the cgroups, then execs the real command (arguments stay arguments) */
export function wrap(cg: ContainerCgroup | undefined, file: string, args: string[]): { file: string; args: string[] } {
  if (!cg) return { file, args };
  const script = `for f in ${cg.procs.map((_, i) => `"$${i + 1}"`).join(' ')}; do echo $$ > "$f" || exit 126; done; shift ${cg.procs.length}; exec "$@"`;
  return { file: '/bin/sh', args: ['-c', script, 'wheelhouse-cgroup', ...cg.procs, file, ...args] };
}

const safeRead = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

function removeDirs(dirs: string[]): void {
  for (const d of dirs) {
    for (const dir of [d, join(d, '..')]) {
      try {
        rmdirSync(dir);
      } catch {
        // still has processes or other containers; removed with the pod
      }
    }
  }
}
