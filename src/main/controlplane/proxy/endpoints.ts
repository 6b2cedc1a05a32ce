// Which backends a Service port sends traffic to, from the Service's EndpointSlices, as kube-proxy
// picks them: ready endpoints; when none is ready, the serving ones that are terminating (so a
// rolling update that takes every old pod down still drains to them, KEP-1669). Only IPv4 slices
// are used: the host side of the proxy listens on IPv4 loopback and ClusterIPs.
import type { Obj } from '../client';

export interface Backend {
  ip: string;
  port: number;
}

export const backendKey = (b: Backend): string => `${b.ip}:${b.port}`;

/** the slice port a Service port maps to: same name ("" matches unnamed) and protocol */
const slicePort = (slice: Obj, name: string, protocol: string): number | undefined => {
  const found = (slice.ports ?? []).find((p: Obj) => (p.name ?? '') === name && (p.protocol ?? 'TCP') === protocol);
  return typeof found?.port === 'number' ? found.port : undefined;
};

interface Candidate extends Backend {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

const conditionsOf = (endpoint: Obj): Pick<Candidate, 'ready' | 'serving' | 'terminating'> => {
  const c = endpoint.conditions ?? {};
  // Upstream: an unset ready means ready; an unset serving means "same as ready".
  const ready = c.ready !== false;
  return { ready, serving: c.serving ?? ready, terminating: c.terminating === true };
};

/** the backends of one Service port, deduplicated (during a slice handover an address may sit in two slices) */
export function backendsFor(slices: readonly Obj[], portName: string, protocol = 'TCP'): Backend[] {
  const candidates = new Map<string, Candidate>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const port = slicePort(slice, portName, protocol);
    if (port === undefined) continue;
    for (const endpoint of slice.endpoints ?? []) {
      const ip = endpoint.addresses?.[0];
      if (typeof ip !== 'string') continue;
      const candidate = { ip, port, ...conditionsOf(endpoint) };
      const key = backendKey(candidate);
      const seen = candidates.get(key);
      // The same address in two slices: the more usable view wins.
      if (!seen || (candidate.ready && !seen.ready)) candidates.set(key, candidate);
    }
  }
  const all = [...candidates.values()].sort((a, b) => backendKey(a).localeCompare(backendKey(b)));
  const ready = all.filter((c) => c.ready);
  const chosen = ready.length > 0 ? ready : all.filter((c) => c.serving && c.terminating);
  return chosen.map(({ ip, port }) => ({ ip, port }));
}
