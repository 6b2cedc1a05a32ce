// On update, a Service keeps the values the API server allocated (cluster IPs, node ports) when the
// client left them out, as upstream's service REST PatchAllocatedValues does; `kubectl replace` of a
// manifest without clusterIP must not look like an attempt to change it.
import { arr, isObj, type Obj } from './util';

const keeps = (type: unknown): boolean => type === 'NodePort' || type === 'LoadBalancer';

export function keepAllocatedServiceValues(svc: Obj, old: Obj): void {
  const spec = svc.spec;
  const oldSpec = old.spec;
  if (!isObj(spec) || !isObj(oldSpec)) return;
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName') {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if ((!Array.isArray(spec.clusterIPs) || spec.clusterIPs.length === 0) && Array.isArray(oldSpec.clusterIPs)) spec.clusterIPs = [...oldSpec.clusterIPs];
  }
  if (keeps(spec.type) && keeps(oldSpec.type)) {
    const oldPorts = arr(oldSpec.ports);
    for (const p of arr(spec.ports)) {
      if (p.nodePort) continue;
      const match = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP')) ?? oldPorts.find((o) => o.name && o.name === p.name);
      if (match?.nodePort) p.nodePort = match.nodePort;
    }
  }
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && !spec.healthCheckNodePort && oldSpec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}
