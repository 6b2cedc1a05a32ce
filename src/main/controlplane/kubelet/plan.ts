// Which nodes `wheelhouse cluster start` runs: N process-local nodes named after the machine
// (host, host-2, host-3…; the first is the control-plane node) and M simulated ones (sim-0001…),
// the simulated ones spread over the given zones.
import { hostname } from 'node:os';
import type { NodeConfig, NodeTaint } from './node-config';
import { podCIDRFor } from './pod-ips';

export interface NodePlan {
  nodes: number;
  simulatedNodes: number;
  cpu: string;
  memory: string;
  pods: number;
  ephemeralStorage?: string;
  zones: string[];
  region?: string;
  labels: Record<string, string>;
  taints: NodeTaint[];
  /** defaults to the machine's hostname */
  hostname?: string;
}

/** a DNS-1123 subdomain from any hostname: lower case, [a-z0-9.-], alphanumeric at both ends */
export function sanitizeNodeName(raw: string): string {
  const name = raw.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, 63).replace(/[^a-z0-9]+$/, '');
  return name || 'wheelhouse';
}

const ip = (a: number, i: number): string => `${a}.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}`;

export function planNodes(p: NodePlan): NodeConfig[] {
  const host = sanitizeNodeName(p.hostname ?? hostname());
  const common = { cpu: p.cpu, memory: p.memory, pods: p.pods, ephemeralStorage: p.ephemeralStorage ?? '100Gi', labels: p.labels, taints: p.taints };
  const nodes: NodeConfig[] = [];
  for (let i = 0; i < p.nodes; i++) {
    const zone = p.zones.length ? p.zones[i % p.zones.length] : undefined;
    nodes.push({ ...common, name: i === 0 ? host : `${host}-${i + 1}`, controlPlane: i === 0, zone, region: zone ? p.region ?? 'wheelhouse' : p.region, podCIDR: podCIDRFor(i), internalIP: ip(127, 256 + i + 1) });
  }
  for (let i = 0; i < p.simulatedNodes; i++) {
    const zone = p.zones.length ? p.zones[i % p.zones.length] : undefined;
    const n = p.nodes + i;
    nodes.push({ ...common, name: `sim-${String(i + 1).padStart(4, '0')}`, simulated: true, zone, region: zone ? p.region ?? 'wheelhouse' : p.region, podCIDR: podCIDRFor(n), internalIP: ip(10, 2 ** 16 * 240 + n + 2) });
  }
  return nodes;
}
