// The scheduler's cache of nodes and the pods bound (or assumed) to them, kept up to date incrementally
// from informer events. Cycles run synchronously on one thread, so the cache doubles as the snapshot:
// no copy is taken per cycle, which is what lets 5,000 nodes × 10,000 pods stay fast.
import type { Labels, Node, Pod } from '../api';
import type { LabelPredicate } from '../selectors';
import { NodeInfo } from './node-info';
import { newPodInfo, podKey, type PodInfo } from './pod-info';
import { PodIndex } from './pod-index';

export interface TakenPod {
  info: PodInfo;
  nodeName: string;
  assumed: boolean;
}

const isTerminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

export class Snapshot {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly podNode = new Map<string, string>();
  private readonly assumed = new Set<string>();
  private readonly imageNodes = new Map<string, number>();
  private readonly namespaceLabelsByName = new Map<string, Labels>();
  private list: NodeInfo[] | null = null;
  readonly index = new PodIndex();
  /** Nodes holding pods with any affinity term / with required anti-affinity, so plugins skip the rest. */
  readonly withAffinity = new Set<NodeInfo>();
  readonly withRequiredAntiAffinity = new Set<NodeInfo>();
  /**
   * Selects the pods that belong with this one (its Services, ReplicaSets, StatefulSets,
   * ReplicationControllers), for PodTopologySpread's system default constraints; null when none do.
   */
  spreadSelector?: (pod: Pod) => LabelPredicate | null;
  /** Bumped on every change, so plugins may cache per-generation results. */
  generation = 0;

  /** Nodes that exist (pods may point at nodes not yet seen; those are kept but not listed). */
  nodes(): NodeInfo[] {
    if (!this.list) this.list = [...this.infos.values()].filter((n) => n.node !== undefined);
    return this.list;
  }

  get(name: string): NodeInfo | undefined {
    const n = this.infos.get(name);
    return n?.node ? n : undefined;
  }

  /** How many nodes hold an image: ImageLocality spreads scores by it. */
  nodesWithImage(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  namespaceLabels = (ns: string): Labels | undefined => this.namespaceLabelsByName.get(ns);

  setNamespace(name: string, labels: Labels | undefined): void {
    this.namespaceLabelsByName.set(name, labels ?? {});
  }

  removeNamespace(name: string): void {
    this.namespaceLabelsByName.delete(name);
  }

  private info(name: string): NodeInfo {
    let n = this.infos.get(name);
    if (!n) this.infos.set(name, (n = new NodeInfo(name)));
    return n;
  }

  upsertNode(node: Node): void {
    const info = this.info(node.metadata.name ?? '');
    this.countImages(info, -1);
    if (!info.node) this.list = null;
    // Topology counts hang off node labels, so the node's pods are re-indexed around the change.
    for (const p of info.pods.values()) this.index.remove(p, info);
    info.setNode(node);
    for (const p of info.pods.values()) this.index.add(p, info);
    this.countImages(info, 1);
    this.track(info);
    this.generation++;
  }

  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    this.countImages(info, -1);
    for (const p of info.pods.values()) this.index.remove(p, info);
    info.setNode(undefined);
    for (const p of info.pods.values()) this.index.add(p, info);
    this.track(info);
    if (info.pods.size === 0) this.infos.delete(name);
    this.list = null;
    this.generation++;
  }

  private countImages(info: NodeInfo, sign: number): void {
    for (const img of info.images.keys()) this.imageNodes.set(img, (this.imageNodes.get(img) ?? 0) + sign);
  }

  /** Adds or replaces a pod from the informer; unbound and finished pods leave the cache. */
  upsertPod(pod: Pod): PodInfo | undefined {
    const key = podKey(pod);
    this.removePod(key);
    if (!pod.spec.nodeName || isTerminal(pod)) return undefined;
    return this.place(newPodInfo(pod), pod.spec.nodeName);
  }

  removePod(key: string): PodInfo | undefined {
    const nodeName = this.podNode.get(key);
    if (nodeName === undefined) return undefined;
    this.podNode.delete(key);
    this.assumed.delete(key);
    const info = this.infos.get(nodeName);
    const removed = info?.removePod(key);
    if (info && removed) this.index.remove(removed, info);
    if (info) this.track(info);
    if (info && !info.node && info.pods.size === 0) this.infos.delete(nodeName);
    this.generation++;
    return removed;
  }

  /** Counts a pod on a node the moment the scheduler decides, before the API confirms the binding. */
  assumePod(pod: PodInfo, nodeName: string): void {
    this.removePod(pod.key);
    this.place(pod, nodeName);
    this.assumed.add(pod.key);
  }

  /** Undoes assumePod when binding failed. */
  forgetPod(key: string): void {
    if (this.assumed.has(key)) this.removePod(key);
  }

  /** Takes a pod out for a what-if (preemption), to be put back with restorePod. */
  takePod(key: string): TakenPod | undefined {
    const nodeName = this.podNode.get(key);
    const assumed = this.assumed.has(key);
    const info = this.removePod(key);
    return info && nodeName !== undefined ? { info, nodeName, assumed } : undefined;
  }

  restorePod(t: TakenPod): void {
    this.place(t.info, t.nodeName);
    if (t.assumed) this.assumed.add(t.info.key);
  }

  isAssumed(key: string): boolean {
    return this.assumed.has(key);
  }

  private place(p: PodInfo, nodeName: string): PodInfo {
    const info = this.info(nodeName);
    info.addPod(p);
    this.index.add(p, info);
    this.track(info);
    this.podNode.set(p.key, nodeName);
    this.generation++;
    return p;
  }

  private track(info: NodeInfo): void {
    const listed = info.node !== undefined;
    if (listed && info.podsWithAffinity > 0) this.withAffinity.add(info);
    else this.withAffinity.delete(info);
    if (listed && info.podsWithRequiredAntiAffinity > 0) this.withRequiredAntiAffinity.add(info);
    else this.withRequiredAntiAffinity.delete(info);
  }

  podCount(): number {
    return this.podNode.size;
  }
}
