// The Service variables kubelet gives every container (pkg/kubelet/envvars): <NAME>_SERVICE_HOST,
// <NAME>_SERVICE_PORT(_<PORTNAME>) and the Docker-link ones, for the Services of the pod's namespace
// (when enableServiceLinks, the default) and always for `kubernetes` in `default`.
import type { ApiClient, Obj } from '../../client';

const MASTER_NAMESPACE = 'default';
const MASTER_SERVICE = 'kubernetes';

const envName = (s: string): string => s.replace(/-/g, '_').toUpperCase();
const hasClusterIP = (svc: Obj): boolean => !!svc.spec?.clusterIP && svc.spec.clusterIP !== 'None';
const joinHostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

function linkVariables(svc: Obj, prefix: string, out: Record<string, string>): void {
  const ip: string = svc.spec.clusterIP;
  (svc.spec.ports as Obj[]).forEach((sp, i) => {
    const protocol = String(sp.protocol || 'TCP');
    const url = `${protocol.toLowerCase()}://${joinHostPort(ip, sp.port)}`;
    // Docker special-cases the first port.
    if (i === 0) out[`${prefix}_PORT`] = url;
    const portPrefix = `${prefix}_PORT_${sp.port}_${protocol.toUpperCase()}`;
    out[portPrefix] = url;
    out[`${portPrefix}_PROTO`] = protocol.toLowerCase();
    out[`${portPrefix}_PORT`] = String(sp.port);
    out[`${portPrefix}_ADDR`] = ip;
  });
}

/** the variables for these Services, in upstream's order */
export function serviceVariables(services: Obj[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const svc of services) {
    if (!hasClusterIP(svc) || !svc.spec.ports?.length) continue;
    const prefix = envName(svc.metadata.name);
    out[`${prefix}_SERVICE_HOST`] = svc.spec.clusterIP;
    const portVar = `${prefix}_SERVICE_PORT`;
    out[portVar] = String(svc.spec.ports[0].port);
    for (const sp of svc.spec.ports as Obj[]) if (sp.name) out[`${portVar}_${envName(sp.name)}`] = String(sp.port);
    linkVariables(svc, prefix, out);
  }
  return out;
}

/** lists the Services the pod sees (the pod's namespace wins over `default/kubernetes` on a name clash) */
export async function servicesForPod(client: ApiClient, pod: Obj): Promise<Obj[]> {
  const namespace: string = pod.metadata?.namespace ?? 'default';
  const links = pod.spec?.enableServiceLinks !== false;
  const byName = new Map<string, Obj>();
  if (links) {
    const own = await client.listAll('v1', 'Service', { namespace });
    for (const svc of own.items as Obj[]) byName.set(svc.metadata.name, svc);
  }
  if (!byName.has(MASTER_SERVICE)) {
    try {
      byName.set(MASTER_SERVICE, await client.get('v1', 'Service', MASTER_NAMESPACE, MASTER_SERVICE));
    } catch {
      // no kubernetes Service yet (a bare test API): nothing to add
    }
  }
  return [...byName.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}
