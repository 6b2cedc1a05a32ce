// One probe of any kind against one container: the dispatch of upstream's prober.runProbe,
// including named ports (resolved from the container's ports) and the default host (the pod's IP).
import type { Obj } from '../../client';
import { execProbe } from './exec-probe';
import { grpcProbe } from './grpc-probe';
import { httpProbe } from './http-probe';
import { tcpProbe } from './tcp-probe';
import type { ProbeOutcome, ProbeTarget } from './types';

/** a port number, or a name looked up in the container's ports */
export function resolvePort(port: unknown, container: Obj | undefined): number | string {
  if (typeof port === 'number') return port;
  const text = String(port ?? '');
  if (/^\d+$/.test(text)) return Number(text);
  const found = ((container?.ports ?? []) as Obj[]).find((p) => p.name === text);
  return found ? Number(found.containerPort) : `port ${text} not found`;
}

const unsupported = (): ProbeOutcome => ({ result: 'failure', message: 'missing probe handler' });

export async function runProbe(probe: Obj, target: ProbeTarget, timeoutMs: number, container?: Obj): Promise<ProbeOutcome> {
  if (probe.exec) return execProbe(probe.exec.command ?? [], target, timeoutMs);
  const handler = probe.httpGet ?? probe.tcpSocket ?? probe.grpc;
  if (!handler) return unsupported();
  const port = probe.grpc ? Number(probe.grpc.port) : resolvePort(handler.port, container);
  if (typeof port === 'string') return { result: 'failure', message: port };
  if (!(port > 0 && port < 65536)) return { result: 'failure', message: `invalid port number: ${port}` };
  const host: string = handler.host || target.podIP;
  if (probe.httpGet) {
    const scheme = String(handler.scheme ?? 'HTTP').toUpperCase() === 'HTTPS' ? 'HTTPS' : 'HTTP';
    return httpProbe({ scheme, host, port, path: handler.path ?? '/', headers: handler.httpHeaders ?? [] }, timeoutMs);
  }
  if (probe.tcpSocket) return tcpProbe(host, port, timeoutMs);
  return grpcProbe(host, port, probe.grpc.service ?? '', timeoutMs);
}
