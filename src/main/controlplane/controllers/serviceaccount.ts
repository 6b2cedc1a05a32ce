// The serviceaccount controller (upstream pkg/controller/serviceaccount): every active namespace has a
// `default` ServiceAccount, recreated if deleted. Since 1.24 no token Secret is made for it; pods get
// tokens from the TokenRequest API (serviceaccounts/token).
import type { ApiClient, Informer, Obj } from '../client';
import type { Controller, ControllerContext } from './types';

const DEFAULT_SA = 'default';

export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount';
  readonly component = 'service-account-controller';
  private namespaces!: Informer;
  private accounts!: Informer;
  private client!: ApiClient;

  register(ctx: ControllerContext): void {
    this.client = ctx.client;
    this.namespaces = ctx.informers.informerFor('v1', 'Namespace');
    this.accounts = ctx.informers.informerFor('v1', 'ServiceAccount');
    const onNamespace = (ns: Obj) => ctx.queue.add(ns.metadata.name);
    this.namespaces.addEventHandler({ onAdd: onNamespace, onUpdate: (_o, n) => onNamespace(n) });
    this.accounts.addEventHandler({ onDelete: (sa) => sa.metadata.name === DEFAULT_SA && ctx.queue.add(sa.metadata.namespace) });
  }

  async reconcile(namespace: string): Promise<void> {
    const ns = this.namespaces.lister.get(namespace);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    if (this.accounts.lister.get(`${namespace}/${DEFAULT_SA}`)) return;
    try {
      await this.client.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SA, namespace } });
    } catch (err) {
      // 409: it exists already (our cache lags); 403/404: the namespace is going away
      if (![403, 404, 409].includes((err as { code?: number }).code ?? 0)) throw err;
    }
  }
}

export const serviceAccountController = (): Controller => new ServiceAccountController();
