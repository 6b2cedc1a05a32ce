// A container's environment as kubelet's makeEnvironmentVariables builds it: envFrom first, then env
// (each value $(VAR)-expanded against what came before and the Service variables), then the Service
// variables not already set, over a base of PATH, HOSTNAME and HOME.
import { hostname } from 'node:os';
import type { ApiClient, Obj } from '../../client';
import { EnvError } from './errors';
import { expand, mappingFor } from './expand';
import { fieldRefValue, unsupportedField } from './field-ref';
import { nodeAllocatable, resourceRefValue } from './resource-ref';
import { serviceVariables, servicesForPod } from './service-env';
import { notFoundMessage, SourceCache, type SourceKind, stringData } from './sources';

export interface ContainerEnvDeps {
  client: ApiClient;
  podIP: string;
  hostIP: string;
  /** the host's PATH; default process.env.PATH */
  hostPATH?: string;
  /** HOME when the container sets none; default /root, what a root container sees under containerd */
  home?: string;
  /** kubelet's Warning events about the environment (InvalidEnvironmentVariableNames) */
  warn?(reason: string, message: string): void;
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const fail = (message: string): never => {
  throw new EnvError(message);
};

async function fromEnvFrom(pod: Obj, container: Obj, sources: SourceCache, deps: ContainerEnvDeps, env: Record<string, string>): Promise<void> {
  const ns: string = pod.metadata.namespace;
  for (const from of (container.envFrom ?? []) as Obj[]) {
    const kind: SourceKind = from.secretRef ? 'Secret' : 'ConfigMap';
    const ref = from.secretRef ?? from.configMapRef;
    if (!ref) continue;
    const obj = await sources.get(kind, ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      fail(notFoundMessage(kind, ref.name));
    }
    const invalid: string[] = [];
    for (const [key, value] of Object.entries(stringData(kind, obj!))) {
      const name = (from.prefix ?? '') + key;
      if (!ENV_VAR_NAME.test(name)) invalid.push(name);
      else env[name] = value;
    }
    if (invalid.length) {
      const what = kind === 'Secret' ? 'secret' : 'configMap';
      deps.warn?.('InvalidEnvironmentVariableNames', `Keys [${invalid.sort().join(', ')}] from the EnvFrom ${what} ${ns}/${ref.name} were skipped since they are considered invalid environment variable names.`);
    }
  }
}

interface RefContext {
  pod: Obj;
  container: Obj;
  sources: SourceCache;
  deps: ContainerEnvDeps;
  allocatable: () => Promise<Record<string, string>>;
}

/** the value of one valueFrom; undefined when an optional source is missing (the variable is left out) */
async function valueFrom(from: Obj, c: RefContext): Promise<string | undefined> {
  const ns: string = c.pod.metadata.namespace;
  const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
  if (keyRef) {
    const kind: SourceKind = from.secretKeyRef ? 'Secret' : 'ConfigMap';
    const obj = await c.sources.get(kind, ns, keyRef.name);
    if (!obj) return keyRef.optional ? undefined : fail(notFoundMessage(kind, keyRef.name));
    const data = stringData(kind, obj);
    if (!Object.prototype.hasOwnProperty.call(data, keyRef.key)) {
      return keyRef.optional ? undefined : fail(`couldn't find key ${keyRef.key} in ${kind} ${ns}/${keyRef.name}`);
    }
    return data[keyRef.key];
  }
  if (from.fieldRef) {
    const v = fieldRefValue(c.pod, from.fieldRef.fieldPath, c.deps);
    return v ?? fail(unsupportedField(from.fieldRef.fieldPath));
  }
  if (from.resourceFieldRef) {
    const ref = from.resourceFieldRef;
    const r = resourceRefValue(c.pod, ref.containerName || c.container.name, ref, await c.allocatable());
    return 'value' in r ? r.value : fail(r.error);
  }
  return undefined;
}

/** the environment a container process starts with; throws EnvError when a reference cannot be met */
export async function containerEnv(pod: Obj, container: Obj, deps: ContainerEnvDeps): Promise<Record<string, string>> {
  const sources = new SourceCache(deps.client);
  let allocatable: Promise<Record<string, string>> | undefined;
  const ctx: RefContext = { pod, container, sources, deps, allocatable: () => (allocatable ??= nodeAllocatable(deps.client, pod.spec?.nodeName)) };
  const serviceEnv = serviceVariables(await servicesForPod(deps.client, pod));
  const env: Record<string, string> = {};
  await fromEnvFrom(pod, container, sources, deps, env);
  for (const v of (container.env ?? []) as Obj[]) {
    if (v.valueFrom) {
      const value = await valueFrom(v.valueFrom, ctx);
      if (value !== undefined) env[v.name] = value;
    } else {
      env[v.name] = expand(String(v.value ?? ''), mappingFor(env, serviceEnv));
    }
  }
  for (const [k, v] of Object.entries(serviceEnv)) if (!(k in env)) env[k] = v;
  return { ...baseEnv(pod, deps), ...env };
}

/** what the container runtime sets before the pod's own variables (which may override them) */
function baseEnv(pod: Obj, deps: ContainerEnvDeps): Record<string, string> {
  return {
    PATH: deps.hostPATH ?? process.env.PATH ?? DEFAULT_PATH,
    // A host-network pod shares the node's UTS namespace upstream, so it sees the node's name.
    HOSTNAME: pod.spec?.hostNetwork ? hostname() : (pod.spec?.hostname ?? pod.metadata?.name ?? ''),
    HOME: deps.home ?? '/root',
  };
}
