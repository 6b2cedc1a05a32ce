// Ingress, IngressClass, NetworkPolicy and StorageClass checks.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { enumOf, GoRepr, invalid, notSupported, required } from './errors';
import { isDns1123Subdomain, isValidPort, isValidPortName, PORT_RANGE_MSG } from './names';

type Obj = Record<string, any>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(b: Obj | undefined, path: string): StatusCause[] {
  if (!b) return [required(path)];
  if (b.service && b.resource) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (!b.service && !b.resource) return [invalid(path, '', 'resource or service backend is required')];
  if (!b.service) return [];
  const causes: StatusCause[] = [];
  if (!b.service.name) causes.push(required(`${path}.service.name`));
  const port = b.service.port ?? {};
  if (port.name !== undefined && port.number !== undefined) causes.push(invalid(`${path}.service.port`, port, 'cannot set both port name & port number'));
  else if (port.name !== undefined) for (const msg of isValidPortName(port.name)) causes.push(invalid(`${path}.service.port.name`, port.name, msg));
  else if (port.number !== undefined) {
    if (!isValidPort(port.number)) causes.push(invalid(`${path}.service.port.number`, port.number, PORT_RANGE_MSG));
  } else causes.push(invalid(`${path}.service.port`, '', 'port name or number is required'));
  return causes;
}

function validatePaths(paths: Obj[], path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (paths.length === 0) causes.push(required(path));
  paths.forEach((p, i) => {
    const at = `${path}[${i}]`;
    if (!p.pathType) causes.push(required(`${at}.pathType`, 'pathType must be specified'));
    else if (!PATH_TYPES.includes(p.pathType)) causes.push(notSupported(`${at}.pathType`, p.pathType, PATH_TYPES));
    else if (p.pathType !== 'ImplementationSpecific' && !String(p.path ?? '').startsWith('/')) causes.push(invalid(`${at}.path`, p.path ?? '', 'must be an absolute path'));
    causes.push(...validateBackend(p.backend, `${at}.backend`));
  });
  return causes;
}

export function validateIngress(ing: Obj): StatusCause[] {
  const spec = ing.spec ?? {};
  const rules = list(spec.rules);
  if (rules.length === 0 && !spec.defaultBackend) return [invalid('spec.rules', new GoRepr('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified')];
  const causes: StatusCause[] = [];
  if (spec.defaultBackend) causes.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => {
    const at = `spec.rules[${i}]`;
    if (r.host) {
      const host = String(r.host).startsWith('*.') ? String(r.host).slice(2) : String(r.host);
      for (const msg of isDns1123Subdomain(host)) causes.push(invalid(`${at}.host`, r.host, msg));
    }
    if (r.http) causes.push(...validatePaths(list(r.http.paths), `${at}.http.paths`));
  });
  if (spec.ingressClassName) for (const msg of isDns1123Subdomain(spec.ingressClassName)) causes.push(invalid('spec.ingressClassName', spec.ingressClassName, msg));
  return causes;
}

export function validateIngressClass(ic: Obj): StatusCause[] {
  return ic.spec?.controller ? [] : [required('spec.controller')];
}

export function validateNetworkPolicy(np: Obj): StatusCause[] {
  const spec = np.spec ?? {};
  const causes = list(spec.policyTypes).flatMap((t, i) => enumOf(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress'], true));
  const rules: [Obj[], string][] = [[list(spec.ingress), 'spec.ingress'], [list(spec.egress), 'spec.egress']];
  for (const [ruleList, path] of rules) {
    ruleList.forEach((rule, i) => list(rule.ports).forEach((p, j) => {
      const at = `${path}[${i}].ports[${j}]`;
      causes.push(...enumOf(`${at}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
      if (typeof p.port === 'number' && !isValidPort(p.port)) causes.push(invalid(`${at}.port`, p.port, PORT_RANGE_MSG));
    }));
  }
  return causes;
}

export function validateStorageClass(sc: Obj): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!sc.provisioner) causes.push(required('provisioner'));
  causes.push(...enumOf('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  causes.push(...enumOf('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  return causes;
}
