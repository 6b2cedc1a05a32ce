// Picks the pod sandbox this machine allows (detect.ts) for one node: netns where Linux lets us make
// namespaces, host everywhere else, and logs why when pods have to share the host network.
import type { Logger } from '../../client';
import { claimNode } from './claim';
import { detectSandbox, type Detection } from './detect';
import { HostSandboxes } from './host';
import { nodeNames, parseCidr } from './names';
import { NetnsSandboxes } from './netns';
import { runCommand, type Run } from './run';
import type { PodSandboxes } from './types';

export type { PodSandboxes, SandboxCommand, SandboxMount, SandboxProcess, SandboxSpec } from './types';
export type { Run } from './run';

export interface SandboxOptions {
  nodeName: string;
  /** the node's pod CIDR, e.g. 10.244.0.0/24; its first address becomes the gateway */
  podCIDR: string;
  logger: Logger;
  run?: Run;
  /** the node's InternalIP: hostNetwork pods' IP, and every pod's in host mode (default 127.0.0.1) */
  nodeIP?: string;
  /** for the pod's FQDN in /etc/hosts (default cluster.local) */
  clusterDomain?: string;
  /** force a kind (tests, or a user who wants the host network); netns still needs the rights */
  prefer?: 'host';
  platform?: NodeJS.Platform;
}

export async function createPodSandboxes(o: SandboxOptions): Promise<PodSandboxes> {
  const run = o.run ?? runCommand;
  const platform = o.platform ?? process.platform;
  const clusterDomain = o.clusterDomain ?? 'cluster.local';
  let found: Detection = o.prefer === 'host' ? { kind: 'host' as const, reason: 'host network asked for: pods share the host network; two pods listening on one port will collide' } : await detectSandbox(run, platform);
  if (found.kind === 'netns') {
    const names = nodeNames(o.nodeName);
    const taken = await claimNode(run, found.tools.ip, names, parseCidr(o.podCIDR), o.nodeName, o.podCIDR);
    if (!taken) return new NetnsSandboxes({ nodeName: o.nodeName, podCIDR: o.podCIDR, nodeIP: o.nodeIP ?? '127.0.0.1', clusterDomain, tools: found.tools, run, logger: o.logger, reason: found.reason });
    found = { kind: 'host', reason: `${taken}: pods share the host network; two pods listening on one port will collide` };
  }
  o.logger.warn(`sandbox: node ${o.nodeName}: ${found.reason}`);
  // macOS answers only 127.0.0.1 of 127/8 unless aliased, so the node's 127.0.1.x would be unreachable.
  const ip = platform === 'darwin' ? '127.0.0.1' : o.nodeIP ?? '127.0.0.1';
  return new HostSandboxes({ ip, clusterDomain, reason: found.reason });
}
