// The in-process API client: client-go's dynamic client, calling the REST storage directly.
// Every call goes through the same verbs, validation, admission and watch cache as kubectl's
// requests; only HTTP and JSON encoding are skipped. Objects from list and watch are the storage's
// shared, frozen copies: read them, and structuredClone before editing. get and writes return fresh copies.
import type { ResourceRegistry } from '../apiserver/resources/registry';
import type { PatchType, ResourceHandlers } from '../apiserver/registry/types';
import { type Caller, type QueryValue, requestOf, resolveResource, type Target } from './request';
import { openWatch, type WatchCallback, type WatchHandle } from './watch-stream';

export type Obj = Record<string, any>;

export interface ApiClientOptions {
  handlers: ResourceHandlers;
  resources: ResourceRegistry;
  /** authenticated user, e.g. system:kube-controller-manager */
  user: string;
  /** e.g. kube-controller-manager/v1.33.0; the storage derives the default field manager from it */
  userAgent: string;
  /** field manager for apply when the call names none */
  fieldManager?: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface WatchOptions {
  namespace?: string;
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

export interface WriteOptions {
  subresource?: string;
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export interface ApplyOptions {
  fieldManager?: string;
  force?: boolean;
  subresource?: string;
  dryRun?: boolean;
}

/** metav1.DeleteOptions, as a DELETE body */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

const writeParams = (o: WriteOptions = {}): Record<string, QueryValue> => ({
  dryRun: o.dryRun ? 'All' : undefined,
  fieldManager: o.fieldManager,
  fieldValidation: o.fieldValidation,
});

export class ApiClient {
  private readonly caller: Caller;

  constructor(private readonly options: ApiClientOptions) {
    this.caller = { user: options.user, userAgent: options.userAgent };
  }

  get user(): string {
    return this.options.user;
  }

  get resources(): ResourceRegistry {
    return this.options.resources;
  }

  private target(apiVersion: string, kind: string, namespace?: string, name?: string, subresource?: string): Target {
    return { resource: resolveResource(this.options.resources, apiVersion, kind), namespace, name, subresource };
  }

  private targetOf(obj: Obj, subresource?: string): Target {
    return this.target(obj.apiVersion, obj.kind, obj.metadata?.namespace, obj.metadata?.name, subresource);
  }

  async get(apiVersion: string, kind: string, namespace: string | undefined, name: string, subresource?: string): Promise<Obj> {
    return this.options.handlers.get(requestOf(this.caller, 'get', this.target(apiVersion, kind, namespace, name, subresource)));
  }

  /** one page; follow metadata.continue, or use listAll */
  async list(apiVersion: string, kind: string, o: ListOptions = {}): Promise<Obj> {
    const { namespace, ...params } = o;
    return this.options.handlers.list(requestOf(this.caller, 'list', this.target(apiVersion, kind, namespace), { ...params }));
  }

  /** every page of a consistent snapshot, as one List */
  async listAll(apiVersion: string, kind: string, o: Omit<ListOptions, 'continue'> = {}): Promise<Obj> {
    const first = await this.list(apiVersion, kind, o);
    let items: Obj[] = first.items;
    let next: string | undefined = first.metadata?.continue;
    while (next) {
      const page = await this.list(apiVersion, kind, { ...o, resourceVersion: undefined, continue: next });
      items = items.concat(page.items);
      next = page.metadata?.continue;
    }
    return { ...first, metadata: { resourceVersion: first.metadata?.resourceVersion }, items };
  }

  watch(apiVersion: string, kind: string, o: WatchOptions, onEvent: WatchCallback): WatchHandle {
    const { namespace, ...params } = o;
    const req = requestOf(this.caller, 'watch', this.target(apiVersion, kind, namespace), { watch: 'true', ...params });
    return openWatch(this.options.handlers, req, onEvent);
  }

  async create(obj: Obj, o: WriteOptions = {}): Promise<Obj> {
    const target = this.targetOf(obj, o.subresource);
    // Creating the main resource names no object in the URL (generateName works that way).
    if (!o.subresource) target.name = undefined;
    return (await this.options.handlers.create(requestOf(this.caller, 'create', target, writeParams(o)), obj)).object;
  }

  async update(obj: Obj, o: WriteOptions = {}): Promise<Obj> {
    return (await this.options.handlers.update(requestOf(this.caller, 'update', this.targetOf(obj, o.subresource), writeParams(o)), obj)).object;
  }

  async updateStatus(obj: Obj, o: Omit<WriteOptions, 'subresource'> = {}): Promise<Obj> {
    return this.update(obj, { ...o, subresource: 'status' });
  }

  async patch(apiVersion: string, kind: string, namespace: string | undefined, name: string, patchType: PatchType, body: unknown, o: WriteOptions & { force?: boolean } = {}): Promise<Obj> {
    const req = requestOf(this.caller, 'patch', this.target(apiVersion, kind, namespace, name, o.subresource), { ...writeParams(o), force: o.force });
    return (await this.options.handlers.patch(req, patchType, body)).object;
  }

  /** server-side apply of a (partial) object: the fields it sets become this manager's */
  async apply(obj: Obj, o: ApplyOptions = {}): Promise<Obj> {
    const fieldManager = o.fieldManager ?? this.options.fieldManager ?? this.options.userAgent.split('/')[0];
    const { apiVersion, kind, metadata } = obj;
    return this.patch(apiVersion, kind, metadata?.namespace, metadata?.name, 'apply', obj, { fieldManager, force: o.force, subresource: o.subresource, dryRun: o.dryRun });
  }

  /** the deleted object (or, while finalizers hold it, the object marked for deletion) */
  async delete(apiVersion: string, kind: string, namespace: string | undefined, name: string, options?: DeleteOptions): Promise<Obj> {
    const req = requestOf(this.caller, 'delete', this.target(apiVersion, kind, namespace, name));
    return (await this.options.handlers.delete(req, options ? { apiVersion: 'v1', kind: 'DeleteOptions', ...options } : undefined)).object;
  }

  async deleteCollection(apiVersion: string, kind: string, o: ListOptions = {}, options?: DeleteOptions): Promise<Obj> {
    const { namespace, ...params } = o;
    const req = requestOf(this.caller, 'deletecollection', this.target(apiVersion, kind, namespace), { ...params });
    return this.options.handlers.deleteCollection(req, options ? { apiVersion: 'v1', kind: 'DeleteOptions', ...options } : undefined);
  }

  /** autoscaling/v1 Scale of a resource with a scale subresource (Deployment, ReplicaSet, StatefulSet, custom) */
  async getScale(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<Obj> {
    return this.get(apiVersion, kind, namespace, name, 'scale');
  }

  async updateScale(apiVersion: string, kind: string, namespace: string | undefined, name: string, scale: Obj): Promise<Obj> {
    const req = requestOf(this.caller, 'update', this.target(apiVersion, kind, namespace, name, 'scale'));
    return (await this.options.handlers.update(req, scale)).object;
  }

  /**
   * Binds a pending pod to a node the way kube-scheduler does: create on pods/binding with a Binding.
   * The REST storage must serve the `binding` subresource of pods (setting spec.nodeName once, 409 if already bound).
   */
  async bindPod(namespace: string, name: string, nodeName: string, uid?: string): Promise<Obj> {
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace, ...(uid ? { uid } : {}) },
      target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
    };
    const req = requestOf(this.caller, 'create', this.target('v1', 'Pod', namespace, name, 'binding'));
    return (await this.options.handlers.create(req, binding)).object;
  }
}
