// The resource quota controller (upstream pkg/controller/resourcequota): keeps status.hard and
// status.used of every ResourceQuota current as the namespace's objects change.
import type { ApiClient, Informer, Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { COUNTED, usageOf } from './resourcequota-usage';

/** count/<resource>.<group> names of kinds not watched here are counted through the API, this often */
const GENERIC_RECHECK_MS = 30_000;

export class ResourceQuotaController implements Controller {
  readonly name = 'resourcequota';
  readonly component = 'resourcequota-controller';
  readonly workers = 5;
  private quotas!: Informer;
  private readonly informers = new Map<string, Informer>();
  private client!: ApiClient;

  register(ctx: ControllerContext): void {
    this.client = ctx.client;
    this.quotas = ctx.informers.informerFor('v1', 'ResourceQuota');
    const enqueueQuota = (q: Obj) => ctx.queue.add(`${q.metadata.namespace}/${q.metadata.name}`);
    this.quotas.addEventHandler({ onAdd: enqueueQuota, onUpdate: (o, n) => JSON.stringify(o.spec) !== JSON.stringify(n.spec) && enqueueQuota(n) });
    const enqueueNamespace = (obj: Obj) => {
      for (const q of this.quotas.lister.namespace(obj.metadata.namespace).list()) enqueueQuota(q);
    };
    for (const [plural, { apiVersion, kind }] of Object.entries(COUNTED)) {
      if (plural === 'resourcequotas' || !ctx.client.resources.byKind('', apiVersion, kind)) continue;
      const informer = ctx.informers.informerFor(apiVersion, kind);
      informer.addEventHandler({ onAdd: enqueueNamespace, onUpdate: (_o, n) => enqueueNamespace(n), onDelete: enqueueNamespace });
      this.informers.set(plural, informer);
    }
  }

  async reconcile(key: string): Promise<void | { requeueAfterMs: number }> {
    const quota = this.quotas.lister.get(key);
    if (!quota) return;
    const ns = quota.metadata.namespace;
    const objects = (plural: string): Obj[] => (plural === 'resourcequotas' ? this.quotas : this.informers.get(plural))?.lister.namespace(ns).list() ?? [];
    const hard: Record<string, string> = { ...(quota.spec?.hard ?? {}) };
    const used: Record<string, string> = {};
    let generic = false;
    for (const name of Object.keys(hard)) {
      const value = usageOf(name, objects) ?? (await this.countThroughApi(name, ns));
      if (value === undefined) continue;
      used[name] = value;
      generic ||= usageOf(name, objects) === undefined;
    }
    const status = { hard, used };
    if (JSON.stringify(status) !== JSON.stringify(quota.status ?? {})) await this.client.updateStatus({ ...structuredClone(quota), status });
    return generic ? { requeueAfterMs: GENERIC_RECHECK_MS } : undefined;
  }

  /** count/<plural>.<group> of any served kind, custom ones too */
  private async countThroughApi(name: string, namespace: string): Promise<string | undefined> {
    const m = /^count\/([^.]+)(?:\.(.+))?$/.exec(name);
    if (!m) return undefined;
    const [, plural, group = ''] = m;
    const r = this.client.resources.all().find((x) => x.plural === plural && x.group === group && x.namespaced);
    if (!r) return undefined;
    const list = await this.client.list(group ? `${group}/${r.version}` : r.version, r.kind, { namespace });
    return String(list.items.length);
  }
}

export const resourceQuotaController = (): Controller => new ResourceQuotaController();
