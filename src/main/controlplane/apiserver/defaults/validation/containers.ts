// Container checks of upstream ValidatePodSpec: names, images, ports, env, mounts, enums.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { duplicate, enumOf, invalid, notFound, required } from './errors';
import { isDns1123Label, isEnvVarName, isValidPort, isValidPortName, PORT_RANGE_MSG } from './names';
import { validateProbe, validateResources } from './resources';

type Obj = Record<string, any>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);

function validatePorts(ports: unknown, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  list(ports).forEach((p, i) => {
    const at = `${path}[${i}]`;
    if (p.name) {
      for (const msg of isValidPortName(p.name)) causes.push(invalid(`${at}.name`, p.name, msg));
      if (names.has(p.name)) causes.push(duplicate(`${at}.name`, p.name));
      names.add(p.name);
    }
    if (p.containerPort === undefined || p.containerPort === 0) causes.push(required(`${at}.containerPort`));
    else if (!isValidPort(p.containerPort)) causes.push(invalid(`${at}.containerPort`, p.containerPort, PORT_RANGE_MSG));
    if (p.hostPort !== undefined && p.hostPort !== 0 && !isValidPort(p.hostPort)) causes.push(invalid(`${at}.hostPort`, p.hostPort, PORT_RANGE_MSG));
    causes.push(...enumOf(`${at}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP'], true));
  });
  return causes;
}

function validateEnv(env: unknown, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  list(env).forEach((e, i) => {
    if (!e.name) causes.push(required(`${path}[${i}].name`));
    else for (const msg of isEnvVarName(e.name)) causes.push(invalid(`${path}[${i}].name`, e.name, msg));
    if (e.valueFrom && e.value) causes.push(invalid(`${path}[${i}].valueFrom`, '', 'may not be specified when `value` is not empty'));
  });
  return causes;
}

function validateMounts(mounts: unknown, path: string, volumes: Set<string>): StatusCause[] {
  const causes: StatusCause[] = [];
  const seenPaths = new Set<string>();
  list(mounts).forEach((m, i) => {
    const at = `${path}[${i}]`;
    if (!m.name) causes.push(required(`${at}.name`));
    else if (!volumes.has(m.name)) causes.push(notFound(`${at}.name`, m.name));
    if (!m.mountPath) causes.push(required(`${at}.mountPath`));
    else if (seenPaths.has(m.mountPath)) causes.push(invalid(`${at}.mountPath`, m.mountPath, 'must be unique'));
    else seenPaths.add(m.mountPath);
  });
  return causes;
}

function validateContainer(c: Obj, at: string, volumes: Set<string>): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!c.name) causes.push(required(`${at}.name`));
  else for (const msg of isDns1123Label(c.name)) causes.push(invalid(`${at}.name`, c.name, msg));
  if (typeof c.image !== 'string' || c.image.trim() === '') causes.push(required(`${at}.image`));
  else if (c.image !== c.image.trim()) causes.push(invalid(`${at}.image`, c.image, 'must not have leading or trailing whitespace'));
  causes.push(...enumOf(`${at}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never'], true));
  causes.push(...enumOf(`${at}.terminationMessagePolicy`, c.terminationMessagePolicy, ['File', 'FallbackToLogsOnError'], true));
  causes.push(...validatePorts(c.ports, `${at}.ports`));
  causes.push(...validateEnv(c.env, `${at}.env`));
  causes.push(...validateMounts(c.volumeMounts, `${at}.volumeMounts`, volumes));
  causes.push(...validateResources(c.resources, `${at}.resources`));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) causes.push(...validateProbe(c[probe], `${at}.${probe}`));
  return causes;
}

/** Validates spec.containers and spec.initContainers; names must be unique across both. */
export function validateContainers(spec: Obj, path: string, volumes: Set<string>): StatusCause[] {
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  const check = (field: string) =>
    list(spec[field]).forEach((c, i) => {
      const at = `${path}.${field}[${i}]`;
      causes.push(...validateContainer(c, at, volumes));
      if (c.name && seen.has(c.name)) causes.push(duplicate(`${at}.name`, c.name));
      if (c.name) seen.add(c.name);
    });
  check('initContainers');
  if (list(spec.containers).length === 0) causes.push(required(`${path}.containers`));
  check('containers');
  return causes;
}
