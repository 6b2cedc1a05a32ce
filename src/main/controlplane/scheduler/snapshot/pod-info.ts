// A pod as the scheduler needs it, parsed once: requests, host ports, images and compiled affinity terms.
import type { Labels, Pod, PodAffinityTerm, WeightedPodAffinityTerm } from '../api';
import { compileLabelSelector, type LabelPredicate } from '../selectors';
import { podNonZeroRequests, podRequests, type Resources } from './resources';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface AffinityTerm {
  topologyKey: string;
  selector: LabelPredicate;
  /** Namespaces named outright (or the pod's own when neither list nor selector is given). */
  namespaces: Set<string>;
  /** namespaceSelector, matched against namespace labels; null when absent. */
  namespaceSelector: LabelPredicate | null;
  weight: number;
  /** Equal for terms that select the same pods in the same domains, so they can be indexed together. */
  signature: string;
}

export interface PodInfo {
  pod: Pod;
  key: string;
  namespace: string;
  labels: Labels;
  /** Being deleted: spreading no longer counts it, though it still holds its resources. */
  terminating: boolean;
  /** Namespace, labels and terminating in a canonical form: pods alike in these match every selector alike. */
  labelSignature: string;
  priority: number;
  requests: Resources;
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
  ports: HostPort[];
  images: string[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
}

export const podKey = (pod: Pod): string => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;

/** Upstream compares images by name with an implicit ":latest" tag. */
export function normalizeImage(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

function compileTerm(term: PodAffinityTerm, ownNamespace: string, weight = 0): AffinityTerm {
  const namespaces = new Set(term.namespaces ?? []);
  const namespaceSelector = term.namespaceSelector ? compileLabelSelector(term.namespaceSelector) : null;
  if (namespaces.size === 0 && !namespaceSelector) namespaces.add(ownNamespace);
  const signature = JSON.stringify([term.topologyKey, term.labelSelector ?? null, [...namespaces].sort(), term.namespaceSelector ?? null]);
  return { topologyKey: term.topologyKey, selector: compileLabelSelector(term.labelSelector), namespaces, namespaceSelector, weight, signature };
}

const weighted = (terms: WeightedPodAffinityTerm[] | undefined, ns: string): AffinityTerm[] =>
  (terms ?? []).map((t) => compileTerm(t.podAffinityTerm, ns, t.weight));

function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

function labelSignature(ns: string, labels: Labels, terminating: boolean): string {
  const keys = Object.keys(labels).sort();
  let sig = terminating ? `${ns}\u0000!` : ns;
  for (const k of keys) sig += `\u0000${k}=${labels[k]}`;
  return sig;
}

export function newPodInfo(pod: Pod): PodInfo {
  const ns = pod.metadata.namespace ?? 'default';
  const aff = pod.spec.affinity;
  const nonZero = podNonZeroRequests(pod);
  const images = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]
    .map((c) => c.image)
    .filter((i): i is string => !!i)
    .map(normalizeImage);
  return {
    pod,
    key: `${ns}/${pod.metadata.name ?? ''}`,
    namespace: ns,
    labels: pod.metadata.labels ?? {},
    terminating: !!pod.metadata.deletionTimestamp,
    labelSignature: labelSignature(ns, pod.metadata.labels ?? {}, !!pod.metadata.deletionTimestamp),
    priority: pod.spec.priority ?? 0,
    requests: podRequests(pod),
    nonZeroMilliCpu: nonZero.milliCpu,
    nonZeroMemory: nonZero.memory,
    ports: hostPorts(pod),
    images,
    requiredAffinity: (aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => compileTerm(t, ns)),
    requiredAntiAffinity: (aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => compileTerm(t, ns)),
    preferredAffinity: weighted(aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, ns),
    preferredAntiAffinity: weighted(aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, ns),
  };
}

/** Does `term` (owned by some pod) select `target`? Namespace labels come from the snapshot. */
export function termMatches(term: AffinityTerm, target: PodInfo, namespaceLabels: (ns: string) => Labels | undefined): boolean {
  return termSelects(term, target.namespace, target.labels, namespaceLabels);
}

/** Does `term` select pods of this namespace with these labels? */
export function termSelects(term: AffinityTerm, namespace: string, labels: Labels, namespaceLabels: (ns: string) => Labels | undefined): boolean {
  if (!term.namespaces.has(namespace)) {
    if (!term.namespaceSelector || !term.namespaceSelector(namespaceLabels(namespace))) return false;
  }
  return term.selector(labels);
}

/** Terms that can change another pod's score: required anti-affinity only filters, so it is left out. */
export const hasScoringAffinity = (p: PodInfo): boolean =>
  p.requiredAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0;
