// What the garbage collector does for one object (upstream's attemptToDeleteItem and orphanDependents):
// an owner being deleted with the orphan or foregroundDeletion finalizer releases or deletes its
// dependents first; a dependent whose owners are all gone is deleted.
import type { ApiClient, Obj } from '../client';
import { hasFinalizer, isDeleting, ownersOf, type GraphNode, type OwnerGraph, type OwnerRef } from './garbage-collector-graph';

export const ORPHAN = 'orphan';
export const FOREGROUND = 'foregroundDeletion';

const code = (err: unknown): number | undefined => (err as { code?: number }).code;
const ignoreNotFound = (err: unknown): void => {
  if (code(err) !== 404) throw err;
};

export class Attempt {
  constructor(
    private readonly client: ApiClient,
    private readonly graph: OwnerGraph,
  ) {}

  async process(node: GraphNode): Promise<void> {
    const obj = node.object;
    if (isDeleting(obj) && hasFinalizer(obj, ORPHAN)) return this.orphanDependents(node);
    if (isDeleting(obj) && hasFinalizer(obj, FOREGROUND)) return this.deleteDependentsFirst(node);
    if (ownersOf(obj).length > 0 && !isDeleting(obj)) return this.checkOwners(node);
  }

  private async orphanDependents(node: GraphNode): Promise<void> {
    for (const dep of this.graph.dependentsOf(node.uid)) {
      const refs = ownersOf(dep.object).filter((r) => r.uid !== node.uid);
      await this.patch(dep, { metadata: { ownerReferences: refs.length ? refs : null, resourceVersion: dep.object.metadata.resourceVersion } });
    }
    await this.removeFinalizer(node, ORPHAN);
  }

  /** deletes every dependent; the owner's finalizer goes once none that blocks it is left */
  private async deleteDependentsFirst(node: GraphNode): Promise<void> {
    const deps = this.graph.dependentsOf(node.uid);
    for (const dep of deps) {
      if (isDeleting(dep.object)) continue;
      const policy = this.graph.dependentsOf(dep.uid).length > 0 ? 'Foreground' : 'Background';
      await this.delete(dep, policy);
    }
    const blocking = deps.filter((d) => ownersOf(d.object).some((r) => r.uid === node.uid && r.blockOwnerDeletion));
    if (blocking.length === 0) await this.removeFinalizer(node, FOREGROUND);
  }

  private async checkOwners(node: GraphNode): Promise<void> {
    const owners = ownersOf(node.object);
    const states = await Promise.all(owners.map((r) => this.ownerState(node, r)));
    const dangling = owners.filter((_, i) => states[i] === 'absent');
    const foreground = owners.filter((_, i) => states[i] === 'foreground');
    if (dangling.length + foreground.length === owners.length) {
      // no owner will stay: delete; in the foreground when an owner waits for it and it has dependents itself
      const policy = foreground.length > 0 && this.graph.dependentsOf(node.uid).length > 0 ? 'Foreground' : 'Background';
      return this.delete(node, policy);
    }
    if (dangling.length > 0) {
      const keep = owners.filter((r) => !dangling.includes(r));
      await this.patch(node, { metadata: { ownerReferences: keep, resourceVersion: node.object.metadata.resourceVersion } });
    }
  }

  /** the graph answers for owners it has seen; others are asked of the API, as upstream verifies "virtual" owners */
  private async ownerState(node: GraphNode, ref: OwnerRef): Promise<'present' | 'absent' | 'foreground'> {
    const seen = this.graph.get(ref.uid);
    if (seen) return isDeleting(seen.object) && hasFinalizer(seen.object, FOREGROUND) ? 'foreground' : 'present';
    const [group] = ref.apiVersion.includes('/') ? ref.apiVersion.split('/') : [''];
    const resource = this.client.resources.all().find((r) => r.group === group && r.kind === ref.kind);
    if (!resource) throw new Error(`garbage collector: owner kind ${ref.kind} in ${ref.apiVersion} is not served`);
    const apiVersion = group ? `${group}/${resource.version}` : resource.version;
    try {
      const owner = await this.client.get(apiVersion, ref.kind, resource.namespaced ? node.namespace : undefined, ref.name);
      if (owner.metadata.uid !== ref.uid) return 'absent';
      return isDeleting(owner) && hasFinalizer(owner, FOREGROUND) ? 'foreground' : 'present';
    } catch (err) {
      if (code(err) === 404) return 'absent';
      throw err;
    }
  }

  private async delete(node: GraphNode, propagationPolicy: 'Foreground' | 'Background'): Promise<void> {
    await this.client.delete(node.apiVersion, node.kind, node.namespace, node.name, { propagationPolicy, preconditions: { uid: node.uid } }).catch(ignoreNotFound);
  }

  private async removeFinalizer(node: GraphNode, finalizer: string): Promise<void> {
    const finalizers = (node.object.metadata.finalizers as string[]).filter((f) => f !== finalizer);
    await this.patch(node, { metadata: { finalizers: finalizers.length ? finalizers : null, resourceVersion: node.object.metadata.resourceVersion } });
  }

  private async patch(node: GraphNode, body: Obj): Promise<void> {
    await this.client.patch(node.apiVersion, node.kind, node.namespace, node.name, 'merge', body).catch(ignoreNotFound);
  }
}
