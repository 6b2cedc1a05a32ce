// Answers /apis/metrics.k8s.io/v1beta1/{nodes[/name], pods, namespaces/{ns}/pods[/name]} the way
// metrics-server does: CPU in nanocores ("12345n"), memory in Ki, the window it was measured over,
// and the pod's labels so label selectors (kubectl top -l) work.
import type { ServerResponse } from 'node:http';
import { StatusError, methodNotAllowed, notFound } from '../../../../shared/k8s/status';
import { matchesLabels, parseLabelSelector } from '../registry/labels';
import type { ParsedPath } from '../http/route';
import { notFoundPath, writeJson } from '../http/respond';
import { METRICS_GROUP, METRICS_VERSION, type MetricsProvider } from './types';

const API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;

export const cpuQuantity = (nanoCores: number): string => `${Math.max(0, Math.round(nanoCores))}n`;
export const memoryQuantity = (bytes: number): string => `${Math.max(0, Math.round(bytes / 1024))}Ki`;

interface Target {
  resource: 'nodes' | 'pods';
  namespace?: string;
  name?: string;
}

const targetOf = (parts: string[]): Target | undefined => {
  if (parts[0] === 'nodes' && parts.length <= 2) return { resource: 'nodes', name: parts[1] };
  if (parts[0] === 'pods' && parts.length === 1) return { resource: 'pods' };
  if (parts[0] === 'namespaces' && parts[2] === 'pods' && parts.length >= 3 && parts.length <= 4) return { resource: 'pods', namespace: parts[1], name: parts[3] };
  return undefined;
};

const unavailable = (): StatusError =>
  new StatusError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request (the built-in cluster runs without node agents, so it has no metrics)');

export function serveMetrics(res: ServerResponse, method: string, path: ParsedPath, query: URLSearchParams, provider: MetricsProvider | undefined): void {
  const target = targetOf(path.parts);
  if (!target || path.version !== METRICS_VERSION) throw notFoundPath();
  if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(`the server does not allow this method on the requested resource`);
  if (query.get('watch') === 'true' || query.get('watch') === '1' || path.legacyWatch) throw methodNotAllowed('the server does not allow this method on the requested resource');
  if (!provider) throw unavailable();
  const selector = parseLabelSelector(query.get('labelSelector') ?? '');
  const fieldName = /^metadata\.name=(.+)$/.exec(query.get('fieldSelector') ?? '')?.[1];
  const items = target.resource === 'nodes' ? nodeItems(provider) : podItems(provider, target.namespace);
  const wanted = items.filter((i) => (selector.length === 0 || matchesLabels(selector, i.metadata.labels)) && (!fieldName || i.metadata.name === fieldName));
  if (target.name) {
    const one = wanted.find((i) => i.metadata.name === target.name);
    if (!one) throw notFound(target.resource === 'nodes' ? 'nodemetrics' : 'podmetrics', METRICS_GROUP, target.name);
    return writeJson(res, 200, one);
  }
  writeJson(res, 200, { kind: target.resource === 'nodes' ? 'NodeMetricsList' : 'PodMetricsList', apiVersion: API_VERSION, metadata: {}, items: wanted });
}

type Item = { metadata: { name: string; namespace?: string; labels?: Record<string, string>; creationTimestamp: string } } & Record<string, unknown>;

const nodeItems = (p: MetricsProvider): Item[] => {
  const now = new Date().toISOString();
  return p.nodes().map((n) => ({
    kind: 'NodeMetrics',
    apiVersion: API_VERSION,
    metadata: { name: n.nodeName, creationTimestamp: now },
    timestamp: n.timestamp,
    window: `${n.windowSeconds}s`,
    usage: { cpu: cpuQuantity(n.cpuNanoCores), memory: memoryQuantity(n.memoryWorkingSetBytes) },
  }));
};

const podItems = (p: MetricsProvider, namespace: string | undefined): Item[] => {
  const now = new Date().toISOString();
  return p.pods(namespace).map((s) => ({
    kind: 'PodMetrics',
    apiVersion: API_VERSION,
    metadata: { name: s.name, namespace: s.namespace, labels: s.labels, creationTimestamp: now },
    timestamp: s.timestamp,
    window: `${s.windowSeconds}s`,
    containers: s.containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuNanoCores), memory: memoryQuantity(c.memoryWorkingSetBytes) } })),
  }));
};
