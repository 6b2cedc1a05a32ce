// Where a pod's log, exec, attach or port-forward is served: the kubelet of the pod's node, as
// upstream's pod strategy (LogLocation, ExecLocation, PortForwardLocation) finds it — the pod,
// its container (validateContainer's messages), the Node, and its daemonEndpoints port.
import { StatusError } from '../../../../../shared/k8s/status';
import type { RequestInfo, ResourceHandlers } from '../../registry/types';
import type { ResourceRegistry } from '../../resources/registry';

type Obj = Record<string, any>;

export type StreamSubresource = 'log' | 'exec' | 'attach' | 'portforward';

/** the node label simulated nodes carry (kubelet/node-config.ts SIMULATED_LABEL) */
const SIMULATED_LABEL = 'wheelhouse.dev/simulated';
/** every kubelet of the built-in cluster listens on loopback */
export const KUBELET_HOST = '127.0.0.1';

export interface KubeletTarget {
  host: string;
  port: number;
  /** path and query on the kubelet, e.g. /exec/default/web/<uid>/app?command=sh&stdin=true */
  path: string;
  pod: Obj;
}

export interface LocateDeps {
  handlers: ResourceHandlers;
  resources: ResourceRegistry;
}

const badRequest = (message: string): StatusError => new StatusError(400, 'BadRequest', message);

const containerNames = (spec: Obj): string[] =>
  [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c: Obj) => c.name);

/** the container a request means: the one named, or the pod's only one */
export const validateContainer = (pod: Obj, container: string | null): string => {
  const name = pod.metadata.name;
  const spec = pod.spec ?? {};
  if (!container) {
    if ((spec.containers ?? []).length === 1) return spec.containers[0].name;
    if ((spec.containers ?? []).length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containerNames(spec).join(' ')}]`);
  }
  if (!containerNames(spec).includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
};

const LOG_PARAMS = ['follow', 'previous', 'sinceSeconds', 'sinceTime', 'timestamps', 'tailLines', 'limitBytes'];
const EXEC_PARAMS = ['command', 'stdin', 'stdout', 'stderr', 'tty'];

const pick = (q: URLSearchParams, names: string[]): string => {
  const out = new URLSearchParams();
  for (const n of names) for (const v of q.getAll(n)) out.append(n, v);
  const s = out.toString();
  return s ? `?${s}` : '';
};

const kubeletPath = (sub: StreamSubresource, pod: Obj, container: string, q: URLSearchParams): string => {
  const [ns, name, uid] = [pod.metadata.namespace, pod.metadata.name, pod.metadata.uid].map(encodeURIComponent);
  const c = encodeURIComponent(container);
  if (sub === 'log') return `/containerLogs/${ns}/${name}/${c}${pick(q, LOG_PARAMS)}`;
  if (sub === 'portforward') return `/portForward/${ns}/${name}/${uid}${pick(q, ['ports'])}`;
  return `/${sub}/${ns}/${name}/${uid}/${c}${pick(q, sub === 'exec' ? EXEC_PARAMS : EXEC_PARAMS.slice(1))}`;
};

const info = (deps: LocateDeps, plural: string, namespace: string | undefined, name: string, user: string, groups?: string[]): RequestInfo => ({
  verb: 'get',
  resource: deps.resources.lookup('', 'v1', plural)!,
  namespace,
  name,
  query: new URLSearchParams(),
  user,
  groups,
  userAgent: 'wheelhouse-apiserver',
});

export async function locate(deps: LocateDeps, sub: StreamSubresource, namespace: string, name: string, q: URLSearchParams, user: { name: string; groups?: string[] }): Promise<KubeletTarget> {
  const pod = await deps.handlers.get(info(deps, 'pods', namespace, name, user.name, user.groups));
  const container = sub === 'portforward' ? '' : validateContainer(pod, q.get('container'));
  const nodeName: string | undefined = pod.spec?.nodeName;
  if (!nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const node = await deps.handlers.get(info(deps, 'nodes', undefined, nodeName, 'system:apiserver', ['system:masters']));
  if (node.metadata?.labels?.[SIMULATED_LABEL] === 'true') {
    throw badRequest(`pod ${name} runs on simulated node ${nodeName}, which has no container runtime: logs, exec and port-forward need the local node`);
  }
  const port = Number(node.status?.daemonEndpoints?.kubeletEndpoint?.Port);
  if (!port) throw badRequest(`node ${nodeName} does not report a kubelet port (status.daemonEndpoints.kubeletEndpoint.Port)`);
  return { host: KUBELET_HOST, port, path: kubeletPath(sub, pod, container, q), pod };
}
