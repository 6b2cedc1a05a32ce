// What the proxy serves for one Service, as pure data: which ports, and where each one listens.
import type { Obj } from '../client';
import type { Frontend, Protocol } from './frontend';

export const NODE_IP = '127.0.0.1';

/** why the proxy leaves a Service alone, or undefined to proxy it */
export function skipReason(svc: Obj): string | undefined {
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') return 'ExternalName (DNS only)';
  if (spec.clusterIP === 'None') return 'headless (DNS only)';
  // The cluster DNS server binds its own ClusterIP; a proxy listener there would take its port.
  if (svc.metadata?.namespace === 'kube-system' && svc.metadata?.name === 'kube-dns') return 'served by the cluster DNS';
  return undefined;
}

export interface PortPlan {
  /** "<protocol>/<port name>": what ties a Service port to its EndpointSlice ports */
  id: string;
  name: string;
  protocol: Protocol;
  frontends: Frontend[];
}

const isIPv4 = (ip: unknown): ip is string => typeof ip === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(ip);

export function planPorts(svc: Obj, nodeIp = NODE_IP): PortPlan[] {
  const spec = svc.spec ?? {};
  const plans: PortPlan[] = [];
  for (const p of spec.ports ?? []) {
    const protocol = p.protocol ?? 'TCP';
    // SCTP has no socket API in Node.
    if (protocol !== 'TCP' && protocol !== 'UDP') continue;
    const frontends: Frontend[] = [];
    if (isIPv4(spec.clusterIP)) frontends.push({ protocol, ip: spec.clusterIP, port: p.port, role: 'cluster' });
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && p.nodePort) frontends.push({ protocol, ip: nodeIp, port: p.nodePort, role: 'node' });
    if (spec.type === 'LoadBalancer') frontends.push({ protocol, ip: nodeIp, port: p.port, role: 'lb' });
    plans.push({ id: `${protocol}/${p.name ?? ''}`, name: p.name ?? '', protocol, frontends });
  }
  return plans;
}
