// Container resources and probes, as upstream ValidateResourceRequirements / validateProbe word them.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { parseQuantity } from '../qos';
import { invalid, required } from './errors';

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateResources(resources: unknown, path: string): StatusCause[] {
  if (!isObj(resources)) return [];
  const causes: StatusCause[] = [];
  const limits: Obj = isObj(resources.limits) ? resources.limits : {};
  const requests: Obj = isObj(resources.requests) ? resources.requests : {};
  for (const [kind, list] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, q] of Object.entries(list)) {
      if (parseQuantity(q) < 0) causes.push(invalid(`${path}.${kind}[${name}]`, String(q), 'must be greater than or equal to 0'));
    }
  }
  for (const [name, q] of Object.entries(requests)) {
    const limit = limits[name];
    if (limit === undefined) continue;
    if (parseQuantity(q) > parseQuantity(limit)) {
      causes.push(invalid(`${path}.requests[${name}]`, String(q), `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
  return causes;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

export function validateProbe(probe: unknown, path: string): StatusCause[] {
  if (!isObj(probe)) return [];
  const handlers = HANDLERS.filter((h) => probe[h] !== undefined);
  const causes: StatusCause[] = [];
  if (handlers.length === 0) causes.push(required(path, 'must specify a handler type'));
  else if (handlers.length > 1) causes.push({ reason: 'FieldValueForbidden', field: `${path}.${handlers[1]}`, message: 'Forbidden: may not specify more than 1 handler type' });
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    if (typeof probe[f] === 'number' && probe[f] < 0) causes.push(invalid(`${path}.${f}`, probe[f], 'must be greater than or equal to 0'));
  }
  return causes;
}
