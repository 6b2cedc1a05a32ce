// The namespace controller (upstream pkg/controller/namespace): empties a Terminating namespace, reports
// progress in its conditions as upstream does, and then lets it go by removing the `kubernetes`
// finalizer through namespaces/finalize.
import { timestamp, type ApiClient, type Clock, type Informer, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { deleteContent, type Remaining } from './namespace-content';

/** how often a namespace whose content is still going away is looked at again */
const RECHECK_MS = 2000;

type Cond = [type: string, status: 'True' | 'False', reason: string, message: string];

const describe = (m: Map<string, number>, what: string): string =>
  [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} has ${n} ${what}`).join(', ');

/** upstream's five deletion conditions, worded as upstream's namespace controller words them */
function conditionsFor(left: Remaining): Cond[] {
  const { resources, finalizers, failures } = left;
  return [
    ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
    ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
    failures.length
      ? ['NamespaceDeletionContentFailure', 'True', 'ContentDeletionFailed', `Failed to delete all resource types, ${failures.length} remaining: ${failures.join(', ')}`]
      : ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
    resources.size
      ? ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${describe(resources, 'resource instances')}`]
      : ['NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'],
    finalizers.size
      ? ['NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${describe(finalizers, 'resource instances').replace(/ has /g, ' in ')}`]
      : ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
  ];
}

export class NamespaceController implements Controller {
  readonly name = 'namespace';
  readonly component = 'namespace-controller';
  readonly workers = 5;
  private namespaces!: Informer;
  private client!: ApiClient;
  private clock!: Clock;

  register(ctx: ControllerContext): void {
    this.client = ctx.client;
    this.clock = ctx.clock;
    this.namespaces = ctx.informers.informerFor('v1', 'Namespace');
    const enqueue = (ns: Obj) => ns.metadata.deletionTimestamp && ctx.queue.add(ns.metadata.name);
    this.namespaces.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });
  }

  async reconcile(name: string): Promise<void | { requeueAfterMs: number }> {
    const ns = this.namespaces.lister.get(name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).includes('kubernetes')) return this.deleteAgain(name);
    const left = await deleteContent(this.client, name);
    await this.writeConditions(ns, conditionsFor(left));
    if (left.resources.size > 0 || left.failures.length > 0) return { requeueAfterMs: RECHECK_MS };
    await this.finalize(name);
  }

  private async writeConditions(ns: Obj, conds: Cond[]): Promise<void> {
    const old: Obj[] = ns.status?.conditions ?? [];
    const now = timestamp(this.clock.now());
    const conditions = conds.map(([type, status, reason, message]) => {
      const prev = old.find((c) => c.type === type);
      return { type, status, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now, reason, message };
    });
    const same = conditions.every((c) => old.some((o) => o.type === c.type && o.status === c.status && o.message === c.message));
    if (same && old.length === conditions.length) return;
    const fresh = await this.client.get('v1', 'Namespace', undefined, ns.metadata.name).catch(() => undefined);
    if (!fresh) return;
    fresh.status = { ...(fresh.status ?? {}), conditions };
    await this.client.updateStatus(fresh);
  }

  /** removes the `kubernetes` finalizer; the registry drops the namespace once nothing holds it */
  private async finalize(name: string): Promise<void> {
    const fresh = await this.client.get('v1', 'Namespace', undefined, name);
    fresh.spec = { ...(fresh.spec ?? {}), finalizers: (fresh.spec?.finalizers ?? []).filter((f: string) => f !== 'kubernetes') };
    try {
      await this.client.update(fresh, { subresource: 'finalize' });
    } catch (err) {
      // a storage without namespaces/finalize removes an emptied Terminating namespace on the next delete
      if ((err as { code?: number }).code !== 404) throw err;
    }
    await this.deleteAgain(name);
  }

  private async deleteAgain(name: string): Promise<void> {
    await this.client.delete('v1', 'Namespace', undefined, name).catch((err) => {
      if ((err as { code?: number }).code !== 404) throw err;
    });
  }
}

export const namespaceController = (): Controller => new NamespaceController();
