// ClusterIPs made local to this host: each is added to `lo` as a /32, so a listener can bind it and
// both the host and pods routed through the host reach it. Needs Linux and root (CAP_NET_ADMIN);
// elsewhere ClusterIP listeners are skipped and the reason is logged once. Only addresses this
// object added are ever removed: an address already there belongs to someone else. Addresses carry
// a label (`lo:wh-<id>`) naming the cluster, so a restart after a crash can take back its leftovers.
import { execFile } from 'node:child_process';
import type { Logger } from '../client';

export interface LocalAddresses {
  /** undefined when ClusterIPs can be made local here; otherwise why not */
  readonly unavailable?: string;
  /** true when `ip` is now local (added, or already there) */
  ensure(ip: string): Promise<boolean>;
  release(ip: string): Promise<void>;
  releaseAll(): Promise<void>;
  /** removes addresses a previous run under the same label left behind (it crashed before stop) */
  prune(): Promise<string[]>;
}

/** an `ip` label for one cluster: must start with the device name and fit in 15 characters */
export const labelFor = (id: string): string => `lo:wh-${id.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8)}`;

const run = (args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> =>
  new Promise((resolve) => execFile('ip', args, { timeout: 5000 }, (err, stdout, stderr) => resolve({ ok: !err, stdout: String(stdout), stderr: String(stderr || (err?.message ?? '')) })));

export const whyNoLocalAddresses = (): string | undefined => {
  if (process.platform !== 'linux') return `ClusterIP listeners need Linux to add addresses to lo (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'ClusterIP listeners need root to add addresses to lo; Services stay reachable on NodePorts and LoadBalancer ports';
  return undefined;
};

export class LoopbackAddresses implements LocalAddresses {
  readonly unavailable: string | undefined;
  private readonly added = new Set<string>();
  /** addresses that were already there: used, never removed, not asked for again */
  private readonly borrowed = new Set<string>();

  constructor(
    private readonly logger: Logger,
    /** see labelFor; undefined adds addresses without a label (they cannot be pruned) */
    private readonly label?: string,
    unavailable = whyNoLocalAddresses(),
  ) {
    this.unavailable = unavailable;
  }

  async prune(): Promise<string[]> {
    if (this.unavailable || !this.label) return [];
    const shown = await run(['-4', '-o', 'addr', 'show', 'dev', 'lo', 'label', this.label]);
    const stale = [...shown.stdout.matchAll(/inet (\d+\.\d+\.\d+\.\d+)\/32/g)].map((m) => m[1]);
    for (const ip of stale) await run(['addr', 'del', `${ip}/32`, 'dev', 'lo']);
    return stale;
  }

  async ensure(ip: string): Promise<boolean> {
    if (this.unavailable) return false;
    if (this.added.has(ip) || this.borrowed.has(ip)) return true;
    const { ok, stderr } = await run(['addr', 'add', `${ip}/32`, 'dev', 'lo', ...(this.label ? ['label', this.label] : [])]);
    if (ok) this.added.add(ip);
    else if (/File exists|already assigned/i.test(stderr)) this.borrowed.add(ip);
    else {
      this.logger.warn(`proxy: cannot add ${ip}/32 to lo: ${stderr.trim()}`);
      return false;
    }
    return true;
  }

  async release(ip: string): Promise<void> {
    this.borrowed.delete(ip);
    if (!this.added.delete(ip)) return;
    const { ok, stderr } = await run(['addr', 'del', `${ip}/32`, 'dev', 'lo']);
    if (!ok) this.logger.warn(`proxy: cannot remove ${ip}/32 from lo: ${stderr.trim()}`);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.added].map((ip) => this.release(ip)));
  }
}
