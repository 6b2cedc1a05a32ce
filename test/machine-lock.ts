// One built-in cluster with the process runtime per machine at a time, across test processes.
// Such a cluster owns machine-wide names: the node bridge (named after the host), the pod CIDR
// 10.244.0.0/24, Service ClusterIPs on lo and the DNS address 10.96.0.10:53. A second one at the same
// time would fall back to the host network, or reach the other's DNS, and its tests would flake.
// Suites that start one hold this lock for as long as their cluster runs; it is re-entrant within a
// process (a restart inside a suite) and a lock left by a killed process is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'wheelhouse-process-runtime.lock');
let held = 0;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function acquireMachineLock(timeoutMs = 15 * 60_000): Promise<void> {
  if (held++ > 0) return;
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(DIR);
      writeFileSync(join(DIR, 'pid'), String(process.pid));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(DIR, 'pid'), 'utf8'));
    } catch {
      // the owner is between mkdir and writing its pid
    }
    if (Number.isInteger(owner) && owner !== process.pid && !alive(owner)) rmSync(DIR, { recursive: true, force: true });
    if (Date.now() > end) {
      held--;
      throw new Error(`another test process (pid ${owner}) has held ${DIR} for ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function releaseMachineLock(): void {
  if (held === 0 || --held > 0) return;
  rmSync(DIR, { recursive: true, force: true });
}

/** the flags of `cluster start` run the process runtime on a local node (the default) */
export const usesProcessRuntime = (flags: string[]): boolean => {
  const runtime = flags[flags.indexOf('--local-runtime') + 1];
  const nodes = flags[flags.indexOf('--nodes') + 1];
  return !(flags.includes('--local-runtime') && runtime === 'simulated') && !(flags.includes('--nodes') && nodes === '0');
};
