// Which sandbox this machine allows: netns needs Linux, CAP_NET_ADMIN and CAP_SYS_ADMIN (network and
// mount namespaces), and `ip` (iproute2), `unshare`, `nsenter`, `mount` (util-linux). Each is checked,
// not assumed, and a trial `unshare` proves the kernel lets us; the reason names what was missing.
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Run } from './run';

export interface Tools {
  ip: string;
  unshare: string;
  nsenter: string;
  mount: string;
  sh: string;
}

export type Detection = { kind: 'netns'; tools: Tools; reason: string } | { kind: 'host'; reason: string };

const SHARED = 'pods share the host network; two pods listening on one port will collide';
const CAP_NET_ADMIN = 12n;
const CAP_SYS_ADMIN = 21n;

async function which(name: string): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs.filter(Boolean)) {
    const file = join(dir, name);
    if (await access(file, constants.X_OK).then(() => true, () => false)) return file;
  }
  return undefined;
}

async function effectiveCaps(): Promise<bigint> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const hex = /^CapEff:\s*([0-9a-f]+)/m.exec(status)?.[1];
  return hex ? BigInt(`0x${hex}`) : 0n;
}

export async function detectSandbox(run: Run, platform: NodeJS.Platform = process.platform): Promise<Detection> {
  if (platform !== 'linux') return { kind: 'host', reason: `${platform} has no network namespaces: ${SHARED}` };
  const caps = await effectiveCaps();
  const missingCaps = [[CAP_NET_ADMIN, 'CAP_NET_ADMIN'], [CAP_SYS_ADMIN, 'CAP_SYS_ADMIN']].filter(([bit]) => !((caps >> (bit as bigint)) & 1n)).map(([, n]) => n);
  if (missingCaps.length) return { kind: 'host', reason: `no ${missingCaps.join(' or ')} (run as root for per-pod namespaces): ${SHARED}` };
  const found = { ip: await which('ip'), unshare: await which('unshare'), nsenter: await which('nsenter'), mount: await which('mount'), sh: await which('sh') };
  const missing = Object.entries(found).filter(([, file]) => !file).map(([name]) => name);
  if (missing.length) return { kind: 'host', reason: `${missing.join(', ')} not found (install iproute2 and util-linux): ${SHARED}` };
  const tools = found as Tools;
  try {
    await run(tools.unshare, ['--net', '--mount', '--uts', '--propagation', 'private', tools.sh, '-c', 'exit 0']);
  } catch (error) {
    return { kind: 'host', reason: `the kernel refused new namespaces (${(error as Error).message}): ${SHARED}` };
  }
  return { kind: 'netns', tools, reason: 'per-pod network, mount and UTS namespaces on a bridge per node' };
}
