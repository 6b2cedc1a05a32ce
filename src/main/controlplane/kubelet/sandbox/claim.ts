// One node's pod network belongs to one process. Two clusters on one machine with the same node name
// would share a bridge and hand out the same pod IPs, and one's prune() would delete the other's pods;
// two with the same pod CIDR on different bridges would fight over the route. Either way the second
// one is told why and falls back to the host network instead of breaking the first.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cidr, NodeNames } from './names';
import type { Run } from './run';

const LOCKS = '/run/wheelhouse/sandbox';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** undefined when this process may use the node's bridge and CIDR; else why not */
export async function claimNode(run: Run, ipBin: string, names: NodeNames, cidr: Cidr, nodeName: string, podCIDR: string): Promise<string | undefined> {
  const lock = join(LOCKS, `${names.bridge}.pid`);
  const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
  if (holder && holder !== process.pid && alive(holder)) return `process ${holder} already runs the pod network of node ${nodeName} (another cluster with this node name?)`;
  const users = await run(ipBin, ['-o', '-4', 'addr', 'show', 'to', cidr.gateway]).catch(() => '');
  const other = users.split('\n').map((l) => /^\d+:\s*(\S+)/.exec(l)?.[1]).find((dev) => dev && dev !== names.bridge);
  if (other) return `the pod CIDR ${podCIDR} is in use: ${other} has its gateway ${cidr.gateway} (another cluster on this machine?)`;
  await mkdir(LOCKS, { recursive: true });
  await writeFile(lock, String(process.pid));
  return undefined;
}

export async function releaseNode(names: NodeNames): Promise<void> {
  const lock = join(LOCKS, `${names.bridge}.pid`);
  if (Number(await readFile(lock, 'utf8').catch(() => '')) === process.pid) await rm(lock, { force: true });
}
