// Service checks: type, ports (range, names, node ports), ExternalName, immutable cluster IP.
import { isIP } from 'node:net';
import type { StatusCause } from '../../../../../shared/k8s/status';
import { duplicate, enumOf, immutable, invalid, required } from './errors';
import { isDns1123Label, isDns1123Subdomain, isValidPort, isValidPortName, PORT_RANGE_MSG } from './names';

type Obj = Record<string, any>;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function validateTargetPort(tp: unknown, at: string): StatusCause[] {
  if (typeof tp === 'number') return isValidPort(tp) ? [] : [invalid(at, tp, PORT_RANGE_MSG)];
  if (typeof tp === 'string') return isValidPortName(tp).map((msg) => invalid(at, tp, msg));
  return [];
}

function validatePort(p: Obj, at: string, type: string, named: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  if (named && !p.name) causes.push(required(`${at}.name`));
  else if (p.name) for (const msg of isDns1123Label(p.name)) causes.push(invalid(`${at}.name`, p.name, msg));
  if (!isValidPort(p.port)) causes.push(invalid(`${at}.port`, p.port ?? 0, PORT_RANGE_MSG));
  causes.push(...enumOf(`${at}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP'], true));
  causes.push(...validateTargetPort(p.targetPort, `${at}.targetPort`));
  if (typeof p.nodePort === 'number' && p.nodePort !== 0) {
    if (type === 'ClusterIP' || type === 'ExternalName') causes.push({ reason: 'FieldValueForbidden', field: `${at}.nodePort`, message: `Forbidden: may not be used when \`type\` is '${type}'` });
    else if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
      causes.push(invalid(`${at}.nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
    }
  }
  return causes;
}

function validatePorts(spec: Obj, type: string): StatusCause[] {
  const ports: Obj[] = Array.isArray(spec.ports) ? spec.ports : [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0) return type === 'ExternalName' || headless ? [] : [required('spec.ports')];
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    causes.push(...validatePort(p, at, type, ports.length > 1));
    if (p.name && names.has(p.name)) causes.push(duplicate(`${at}.name`, p.name));
    if (p.name) names.add(p.name);
    const key = `${p.port}/${p.protocol ?? 'TCP'}`;
    if (keys.has(key)) causes.push(duplicate(at, { port: p.port, protocol: p.protocol ?? 'TCP' }));
    keys.add(key);
  });
  return causes;
}

const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

function validateIPs(spec: Obj): StatusCause[] {
  const causes: StatusCause[] = [];
  const clusterIPs: unknown[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
  clusterIPs.forEach((ip, i) => {
    if (ip !== 'None' && ip !== '' && isIP(String(ip)) === 0) causes.push(invalid(`spec.clusterIPs[${i}]`, ip, IP_MSG));
  });
  if (spec.clusterIP && Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 && spec.clusterIPs[0] !== spec.clusterIP) {
    causes.push(invalid('spec.clusterIPs', spec.clusterIPs, 'first value must match `clusterIP`'));
  }
  (Array.isArray(spec.externalIPs) ? spec.externalIPs : []).forEach((ip: unknown, i: number) => {
    if (isIP(String(ip)) === 0) causes.push(invalid(`spec.externalIPs[${i}]`, ip, IP_MSG));
  });
  return causes;
}

export function validateService(svc: Obj): StatusCause[] {
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const causes = enumOf('spec.type', spec.type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'], true);
  if (type === 'ExternalName') {
    if (!spec.externalName) causes.push(required('spec.externalName'));
    else for (const msg of isDns1123Subdomain(String(spec.externalName).replace(/\.$/, ''))) causes.push(invalid('spec.externalName', spec.externalName, msg));
  }
  if ((type === 'NodePort' || type === 'LoadBalancer') && spec.clusterIP === 'None') {
    causes.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  causes.push(...validateIPs(spec));
  causes.push(...validatePorts(spec, type));
  causes.push(...enumOf('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None'], true));
  causes.push(...enumOf('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  causes.push(...enumOf('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  causes.push(...enumOf('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ['SingleStack', 'PreferDualStack', 'RequireDualStack']));
  return causes;
}

export function validateServiceUpdate(svc: Obj, old: Obj): StatusCause[] {
  const spec = svc.spec ?? {};
  const oldSpec = old.spec ?? {};
  // A Service keeps its cluster IP unless it becomes (or was) an ExternalName service.
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return [];
  if (oldSpec.clusterIP && spec.clusterIP && spec.clusterIP !== oldSpec.clusterIP) return [immutable('spec.clusterIPs[0]', spec.clusterIP)];
  return [];
}
