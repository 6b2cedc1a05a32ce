// Service, Endpoints, EndpointSlice and NetworkPolicy defaults (Ingress has none in v1). Cluster IP allocation is not
// defaulting; the service IP allocator does it.
import { arr, child, isObj, setIfEmpty, setIfMissing, type Obj } from './util';

const externallyAccessible = (spec: Obj): boolean =>
  spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);

export function defaultService(svc: Obj): void {
  const spec = child(svc, 'spec');
  setIfEmpty(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const clientIP = child(child(spec, 'sessionAffinityConfig'), 'clientIP');
    setIfMissing(clientIP, 'timeoutSeconds', 10800);
  }
  setIfEmpty(spec, 'type', 'ClusterIP');
  for (const p of arr(spec.ports)) {
    setIfEmpty(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec)) setIfEmpty(spec, 'externalTrafficPolicy', 'Cluster');
  if (['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type)) setIfMissing(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setIfMissing(spec, 'allocateLoadBalancerNodePorts', true);
  if (spec.type !== 'ExternalName') {
    setIfEmpty(spec, 'ipFamilyPolicy', 'SingleStack');
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
  if (spec.type === 'LoadBalancer' && isObj(svc.status?.loadBalancer)) {
    for (const ing of arr(svc.status.loadBalancer.ingress)) if (ing.ip) setIfEmpty(ing, 'ipMode', 'VIP');
  }
}

export function defaultEndpoints(ep: Obj): void {
  for (const ss of arr(ep.subsets)) for (const p of arr(ss.ports)) setIfEmpty(p, 'protocol', 'TCP');
}

export function defaultEndpointSlice(es: Obj): void {
  for (const p of arr(es.ports)) {
    setIfMissing(p, 'name', '');
    setIfMissing(p, 'protocol', 'TCP');
  }
}

export function defaultNetworkPolicy(np: Obj): void {
  const spec = child(np, 'spec');
  for (const rule of [...arr(spec.ingress), ...arr(spec.egress)]) for (const p of arr(rule.ports)) setIfMissing(p, 'protocol', 'TCP');
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    // A policy that names no types is at least an Ingress policy.
    spec.policyTypes = ['Ingress'];
    if (arr(spec.egress).length > 0) spec.policyTypes.push('Egress');
  }
}
