// One node and the pods on it, with running totals so filters and scores read them in O(1).
import type { Node } from '../api';
import { addInto, emptyResources, readResourceList, type Resources } from './resources';
import { hasScoringAffinity, normalizeImage, type HostPort, type PodInfo } from './pod-info';
import { quantityValueOr } from '../../../../shared/k8s/quantity';

const WILDCARD = '0.0.0.0';

export class NodeInfo {
  node: Node | undefined;
  allocatable: Resources = emptyResources();
  allowedPods = 0;
  /** Normalized image name → size in bytes, from node.status.images. */
  images = new Map<string, number>();
  readonly pods = new Map<string, PodInfo>();
  readonly requested: Resources = emptyResources();
  nonZeroMilliCpu = 0;
  nonZeroMemory = 0;
  /** Pods whose affinity terms can change another pod's score (see hasScoringAffinity). */
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  /** "TCP/80" → host IP → how many pods hold it. */
  private readonly ports = new Map<string, Map<string, number>>();

  constructor(readonly name: string) {}

  setNode(node: Node | undefined): void {
    this.node = node;
    this.allocatable = readResourceList(node?.status?.allocatable);
    this.allowedPods = quantityValueOr(node?.status?.allocatable?.pods, 0);
    this.images = new Map();
    for (const img of node?.status?.images ?? []) {
      for (const n of img.names ?? []) this.images.set(normalizeImage(n), img.sizeBytes ?? 0);
    }
  }

  get labels(): Record<string, string> {
    return this.node?.metadata.labels ?? {};
  }

  addPod(p: PodInfo): void {
    this.account(p, 1);
    this.pods.set(p.key, p);
  }

  removePod(key: string): PodInfo | undefined {
    const p = this.pods.get(key);
    if (!p) return undefined;
    this.account(p, -1);
    this.pods.delete(key);
    return p;
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    addInto(this.requested, p.requests, sign);
    this.nonZeroMilliCpu += sign * p.nonZeroMilliCpu;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    if (hasScoringAffinity(p)) this.podsWithAffinity += sign;
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity += sign;
    for (const hp of p.ports) this.markPort(hp, sign);
  }

  private markPort(hp: HostPort, sign: number): void {
    const k = `${hp.protocol}/${hp.port}`;
    let ips = this.ports.get(k);
    if (!ips) this.ports.set(k, (ips = new Map()));
    const n = (ips.get(hp.ip) ?? 0) + sign;
    if (n > 0) ips.set(hp.ip, n);
    else ips.delete(hp.ip);
    if (ips.size === 0) this.ports.delete(k);
  }

  /** Upstream's HostPortInfo.CheckConflict: 0.0.0.0 clashes with every IP on the same protocol/port. */
  portConflicts(hp: HostPort): boolean {
    const ips = this.ports.get(`${hp.protocol}/${hp.port}`);
    if (!ips) return false;
    if (hp.ip === WILDCARD) return ips.size > 0;
    return ips.has(WILDCARD) || ips.has(hp.ip);
  }
}
