// A container's mounts as one fstab text for a single `mount -a -T /dev/stdin` (one process however
// many volumes), plus the mount points to make first. A mount point under an earlier mount is made in
// that mount's source, where it appears once the parent is mounted, as runc does inside the rootfs.
import { statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { SandboxMount } from './types';

/** the real path of a container path that lies under one of the mounts (deepest mount wins) */
export function mapThroughMounts(path: string, mounts: SandboxMount[]): string | undefined {
  const under = mounts
    .map((m) => ({ m, rest: relative(m.containerPath, path) }))
    .filter(({ rest }) => rest === '' || (!rest.startsWith('..') && !isAbsolute(rest)))
    .sort((a, b) => b.m.containerPath.length - a.m.containerPath.length)[0];
  return under && (under.rest ? join(under.m.hostPath, under.rest) : under.m.hostPath);
}

// fstab fields are split on blanks; getmntent reads these octal escapes back.
const field = (path: string): string => path.replace(/[\\ \t\n]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);

export interface MountTable {
  /** the fstab text: etc files first, then the mounts parents before children */
  fstab: string;
  /** ['d'|'f', path] pairs: mount points to make when missing, in order */
  points: string[];
}

export function mountTable(etcFiles: [string, string][], mounts: SandboxMount[]): MountTable {
  const sorted = [...mounts].sort((a, b) => a.containerPath.length - b.containerPath.length);
  const lines = etcFiles.map(([src, dst]) => `${field(src)} ${field(dst)} none bind 0 0`);
  const points: string[] = [];
  sorted.forEach((m, i) => {
    if (!isAbsolute(m.containerPath)) throw new Error(`mount path "${m.containerPath}" must be absolute`);
    let kind: string;
    try {
      kind = statSync(m.hostPath).isDirectory() ? 'd' : 'f';
    } catch {
      throw new Error(`cannot mount ${m.hostPath} at ${m.containerPath}: ${m.hostPath} does not exist`);
    }
    points.push(kind, mapThroughMounts(m.containerPath, sorted.slice(0, i)) ?? m.containerPath);
    lines.push(`${field(m.hostPath)} ${field(m.containerPath)} none ${m.readOnly ? 'bind,ro' : 'bind'} 0 0`);
  });
  return { fstab: lines.map((l) => `${l}\n`).join(''), points };
}
