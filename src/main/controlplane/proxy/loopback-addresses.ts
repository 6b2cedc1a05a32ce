// ClusterIPs made local to this host: each is added to `lo` as a /32, so a listener can bind it and
// both the host and pods routed through the host reach it. Needs Linux and root (CAP_NET_ADMIN);
// elsewhere ClusterIP listeners are skipped and the reason is logged once. Only addresses this
// object added are ever removed: an address already there belongs to someone else.
import { execFile } from 'node:child_process';
import type { Logger } from '../client';

export interface LocalAddresses {
  /** undefined when ClusterIPs can be made local here; otherwise why not */
  readonly unavailable?: string;
  /** true when `ip` is now local (added, or already there) */
  ensure(ip: string): Promise<boolean>;
  release(ip: string): Promise<void>;
  releaseAll(): Promise<void>;
}

const run = (args: string[]): Promise<{ ok: boolean; stderr: string }> =>
  new Promise((resolve) => execFile('ip', args, { timeout: 5000 }, (err, _stdout, stderr) => resolve({ ok: !err, stderr: String(stderr || (err?.message ?? '')) })));

export const whyNoLocalAddresses = (): string | undefined => {
  if (process.platform !== 'linux') return `ClusterIP listeners need Linux to add addresses to lo (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'ClusterIP listeners need root to add addresses to lo; Services stay reachable on NodePorts and LoadBalancer ports';
  return undefined;
};

export class LoopbackAddresses implements LocalAddresses {
  readonly unavailable: string | undefined;
  private readonly added = new Set<string>();

  constructor(
    private readonly logger: Logger,
    unavailable = whyNoLocalAddresses(),
  ) {
    this.unavailable = unavailable;
  }

  async ensure(ip: string): Promise<boolean> {
    if (this.unavailable) return false;
    if (this.added.has(ip)) return true;
    const { ok, stderr } = await run(['addr', 'add', `${ip}/32`, 'dev', 'lo']);
    if (ok) this.added.add(ip);
    else if (!/File exists/i.test(stderr)) {
      this.logger.warn(`proxy: cannot add ${ip}/32 to lo: ${stderr.trim()}`);
      return false;
    }
    return true;
  }

  async release(ip: string): Promise<void> {
    if (!this.added.delete(ip)) return;
    const { ok, stderr } = await run(['addr', 'del', `${ip}/32`, 'dev', 'lo']);
    if (!ok) this.logger.warn(`proxy: cannot remove ${ip}/32 from lo: ${stderr.trim()}`);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.added].map((ip) => this.release(ip)));
  }
}
