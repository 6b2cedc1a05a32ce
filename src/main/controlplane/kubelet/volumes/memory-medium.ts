// emptyDir with medium: Memory. Upstream mounts a tmpfs; so does this where it can (Linux, as root),
// sized by sizeLimit so the limit is really enforced (writes fail with ENOSPC). Elsewhere the volume
// is a plain folder, and the README says so. Mounts are found again from /proc/mounts, so a
// restarted kubelet neither mounts twice nor leaves a tmpfs behind on tearDown.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { quantityValue } from '../../../../shared/k8s/quantity';

const run = promisify(execFile);

export const canMountTmpfs = (): boolean => process.platform === 'linux' && process.getuid?.() === 0;

/** mount points from /proc/mounts (octal escapes such as \040 decoded) */
async function mountPoints(): Promise<string[]> {
  const text = await readFile('/proc/mounts', 'utf8').catch(() => '');
  return text
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
}

/** mounts a tmpfs at dir (made beforehand) unless one is there already */
export async function mountTmpfs(dir: string, sizeLimit: string | undefined): Promise<void> {
  const target = resolve(dir);
  if ((await mountPoints()).includes(target)) return;
  const options = ['mode=0777', ...(sizeLimit ? [`size=${quantityValue(sizeLimit)}`] : [])].join(',');
  await run('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', target]);
}

/** unmounts every mount below root, deepest first; a busy one is detached lazily */
export async function unmountUnder(root: string): Promise<void> {
  if (process.platform !== 'linux') return;
  const prefix = resolve(root) + sep;
  const mounts = (await mountPoints()).filter((p) => p.startsWith(prefix)).sort((a, b) => b.length - a.length);
  for (const m of mounts) await run('umount', [m]).catch(() => run('umount', ['-l', m]));
}
