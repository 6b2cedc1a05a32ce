// The built-in cluster's default StorageClass, local-path (volumes are folders on this machine, made
// when a pod first needs them), and how a claim's class is found: a claim that names none gets the
// default class, newest first when several are marked default (as upstream does since 1.26).
import { StatusError } from '../../../shared/k8s/status';
import type { Lister, Obj } from '../client';
import type { Controller, ControllerContext } from './types';

export const LOCAL_PATH_CLASS = 'local-path';
export const LOCAL_PATH_PROVISIONER = 'wheelhouse.dev/local-path';
const DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

export const localPathClass = (): Obj => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: LOCAL_PATH_CLASS, annotations: { [DEFAULT_ANNOTATION]: 'true' } },
  provisioner: LOCAL_PATH_PROVISIONER,
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
});

const isDefault = (sc: Obj): boolean => sc.metadata?.annotations?.[DEFAULT_ANNOTATION] === 'true' || sc.metadata?.annotations?.[BETA_DEFAULT_ANNOTATION] === 'true';

export function defaultClassName(classes: Lister): string | undefined {
  const marked = classes.list().filter(isDefault);
  marked.sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)) || String(a.metadata.name).localeCompare(b.metadata.name));
  return marked[0]?.metadata.name;
}

/** the class a claim belongs to: its own, else the default one ("" means explicitly none) */
export const claimClassName = (claim: Obj, classes: Lister): string => claim.spec?.storageClassName ?? defaultClassName(classes) ?? '';

/** makes the local-path class once, when the controller manager starts, if it is missing */
export class LocalPathStorageClassController implements Controller {
  readonly name = 'local-path-storageclass';
  readonly component = 'local-path-provisioner';
  readonly workers = 1;
  private ctx!: ControllerContext;
  private classes!: Lister;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.classes = ctx.informers.informerFor('storage.k8s.io/v1', 'StorageClass').lister;
    ctx.queue.add(LOCAL_PATH_CLASS);
  }

  async reconcile(key: string): Promise<void> {
    if (key !== LOCAL_PATH_CLASS || this.classes.get(key)) return;
    try {
      await this.ctx.client.create(localPathClass());
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 409)) throw err;
    }
  }
}

export const localPathStorageClassController = (): Controller => new LocalPathStorageClassController();
