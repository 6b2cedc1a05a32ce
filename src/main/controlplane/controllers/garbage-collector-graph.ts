// The garbage collector's view of the cluster: every object that has owners or dependents, by uid,
// and which objects name which owners (upstream's GraphBuilder "uidToNode").
import type { Obj } from '../client';

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface GraphNode {
  uid: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  /** the latest object seen (frozen, from an informer) */
  object: Obj;
}

export class OwnerGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly dependents = new Map<string, Set<string>>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** records the object; returns the owner uids it no longer names (their dependents changed) */
  upsert(obj: Obj): string[] {
    const uid = obj.metadata.uid;
    const before = this.nodes.get(uid);
    const gone = ownersOf(before?.object).filter((o) => !ownersOf(obj).some((n) => n.uid === o.uid));
    for (const o of gone) this.unlink(o.uid, uid);
    for (const o of ownersOf(obj)) this.link(o.uid, uid);
    this.nodes.set(uid, { uid, apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, object: obj });
    return gone.map((o) => o.uid);
  }

  remove(obj: Obj): void {
    const uid = obj.metadata.uid;
    const node = this.nodes.get(uid);
    for (const o of ownersOf(node?.object ?? obj)) this.unlink(o.uid, uid);
    this.nodes.delete(uid);
  }

  dependentsOf(uid: string): GraphNode[] {
    const out: GraphNode[] = [];
    for (const d of this.dependents.get(uid) ?? []) {
      const node = this.nodes.get(d);
      if (node) out.push(node);
    }
    return out;
  }

  private link(owner: string, dependent: string): void {
    let set = this.dependents.get(owner);
    if (!set) this.dependents.set(owner, (set = new Set()));
    set.add(dependent);
  }

  private unlink(owner: string, dependent: string): void {
    const set = this.dependents.get(owner);
    set?.delete(dependent);
    if (set?.size === 0) this.dependents.delete(owner);
  }
}

export const ownersOf = (obj: Obj | undefined): OwnerRef[] => obj?.metadata?.ownerReferences ?? [];
export const hasFinalizer = (obj: Obj, f: string): boolean => (obj.metadata?.finalizers ?? []).includes(f);
export const isDeleting = (obj: Obj): boolean => !!obj.metadata?.deletionTimestamp;
