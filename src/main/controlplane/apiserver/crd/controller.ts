// Serves what CustomResourceDefinitions define. It lists and watches CRDs through the REST handlers
// as an in-process client; on each change it updates the ResourceRegistry, the schemas and the
// printer columns synchronously (so discovery shows a CRD the moment it is stored), then writes
// status (NamesAccepted, Established). When a CRD goes, so do its custom resources.
import { StatusError } from '../../../../shared/k8s/status';
import type { RequestInfo, ResourceHandlers, Verb, WatchEventOut } from '../registry/types';
import type { ResourceRegistry } from '../resources/registry';
import type { ResourceInfo } from '../resources/types';
import type { SchemaService } from '../schema/types';
import type { CustomPrinterColumns } from './printer-columns';
import { resourceInfoFor, servedVersionsOf } from './resource-info';
import { desiredStatus, sameStatus } from './status';
import { validateCustomResourceDefinition } from './validation';

type Obj = Record<string, any>;

export interface CrdControllerDeps {
  handlers: ResourceHandlers;
  resources: ResourceRegistry;
  schema: SchemaService;
  columns: CustomPrinterColumns;
  clock?: () => Date;
  logger?: { error(message: string, err?: unknown): void };
  /** pause before re-listing after a watch ends or fails */
  retryDelayMs?: number;
}

interface Served {
  json: string;
  infos: ResourceInfo[];
}

export class CrdController {
  private readonly served = new Map<string, Served>();
  private stopped = false;
  private endWatch: () => void = () => undefined;
  private readonly statusQueue = new Map<string, Promise<void>>();
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: CrdControllerDeps) {}

  /** Resolves once the CRDs that exist now are served; keeps watching afterwards. */
  async start(): Promise<void> {
    const list = await this.deps.handlers.list(this.request('list'));
    this.resync(list.items ?? []);
    this.loop = this.run(String(list.metadata?.resourceVersion ?? ''));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.endWatch();
    await this.loop;
    await Promise.all(this.statusQueue.values());
  }

  private crdResource(): ResourceInfo {
    const r = this.deps.resources.lookup('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
    if (!r) throw new Error('customresourcedefinitions are not registered');
    return r;
  }

  private request(verb: Verb, extra: Partial<RequestInfo> = {}): RequestInfo {
    return { verb, resource: this.crdResource(), query: new URLSearchParams(), user: 'system:apiserver', userAgent: 'wheelhouse-apiserver/crd-controller', ...extra };
  }

  private async run(resourceVersion: string): Promise<void> {
    let rv = resourceVersion;
    while (!this.stopped) {
      try {
        if (!rv) {
          const list = await this.deps.handlers.list(this.request('list'));
          this.resync(list.items ?? []);
          rv = String(list.metadata?.resourceVersion ?? '');
        }
        rv = await this.watchFrom(rv);
      } catch (err) {
        if (!(err instanceof StatusError && err.code === 410)) this.deps.logger?.error('CRD watch failed', err);
        rv = '';
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, this.deps.retryDelayMs ?? 200));
    }
  }

  /** Watches until the stream ends; returns the resourceVersion to resume from ('' to re-list). */
  private async watchFrom(rv: string): Promise<string> {
    let last = rv;
    const closed = new Promise<void>((resolve) => (this.endWatch = resolve));
    const query = new URLSearchParams({ resourceVersion: rv, allowWatchBookmarks: 'true' });
    const onEvent = (e: WatchEventOut): void => {
      if (e.type === 'ERROR') {
        last = '';
        this.endWatch();
        return;
      }
      if (e.object?.metadata?.resourceVersion) last = e.object.metadata.resourceVersion;
      if (e.type === 'ADDED' || e.type === 'MODIFIED') this.upsert(e.object);
      else if (e.type === 'DELETED') this.teardown(e.object.metadata?.name, true);
    };
    await this.deps.handlers.watch(this.request('watch', { query }), {
      closed,
      send: (e) => {
        try {
          onEvent(e);
        } catch (err) {
          this.deps.logger?.error('CRD event failed', err);
        }
      },
    });
    this.endWatch();
    return last;
  }

  private resync(items: Obj[]): void {
    const names = new Set(items.map((i) => i.metadata?.name));
    for (const name of [...this.served.keys()]) if (!names.has(name)) this.teardown(name, true);
    for (const crd of items) this.upsert(crd);
  }

  /** Serves the CRD's versions now; status follows asynchronously. */
  private upsert(crd: Obj): void {
    const name: string = crd.metadata?.name;
    if (!name || validateCustomResourceDefinition(crd).length > 0) return;
    const conflict = this.conflictOf(crd);
    if (conflict) this.teardown(name, false);
    else this.serve(name, crd);
    const status = desiredStatus(crd, { conflict }, (this.deps.clock?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'));
    if (!sameStatus(crd.status, status)) this.queueStatus(name, status);
  }

  private conflictOf(crd: Obj): string | undefined {
    const { group, names } = crd.spec;
    for (const r of this.deps.resources.all()) {
      if (r.group !== group || this.isOurs(crd.metadata.name, r)) continue;
      if (r.plural === names.plural) return `"${names.plural}" is already in use`;
      if (r.kind === names.kind) return `"${names.kind}" is already in use`;
    }
    return undefined;
  }

  private isOurs(name: string, r: ResourceInfo): boolean {
    return this.served.get(name)?.infos.some((i) => i.version === r.version && i.plural === r.plural) ?? false;
  }

  private serve(name: string, crd: Obj): void {
    const versions = servedVersionsOf(crd);
    const json = JSON.stringify({ spec: crd.spec });
    if (this.served.get(name)?.json === json) return;
    const infos = versions.map((v) => resourceInfoFor(crd, v));
    const previous = this.served.get(name)?.infos ?? [];
    for (const old of previous) if (!infos.some((i) => i.version === old.version && i.plural === old.plural)) this.unserve(old);
    versions.forEach((v, i) => {
      this.deps.schema.registerCustomResource(infos[i], v.schema?.openAPIV3Schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
      this.deps.columns.set(infos[i], v.additionalPrinterColumns);
      this.deps.resources.add(infos[i]);
    });
    this.served.set(name, { json, infos });
  }

  private unserve(info: ResourceInfo): void {
    this.deps.resources.remove(info.group, info.version, info.plural);
    this.deps.schema.unregisterCustomResource(info);
    this.deps.columns.delete(info);
  }

  private teardown(name: string | undefined, deleteInstances: boolean): void {
    const served = name ? this.served.get(name) : undefined;
    if (!name || !served) return;
    this.served.delete(name);
    for (const info of served.infos) this.unserve(info);
    if (deleteInstances && served.infos.length > 0) void this.deleteInstances(served.infos[0]);
  }

  /** All versions share one storage, so one deletecollection removes every instance. */
  private async deleteInstances(info: ResourceInfo): Promise<void> {
    try {
      await this.deps.handlers.deleteCollection({ verb: 'deletecollection', resource: info, query: new URLSearchParams(), user: 'system:apiserver', userAgent: 'wheelhouse-apiserver/crd-controller' }, undefined);
    } catch (err) {
      this.deps.logger?.error(`deleting instances of ${info.plural}.${info.group} failed`, err);
    }
  }

  private queueStatus(name: string, status: Obj): void {
    const prev = this.statusQueue.get(name) ?? Promise.resolve();
    const next = prev.then(() => this.writeStatus(name, status));
    this.statusQueue.set(name, next);
    void next.finally(() => {
      if (this.statusQueue.get(name) === next) this.statusQueue.delete(name);
    });
  }

  private async writeStatus(name: string, status: Obj): Promise<void> {
    for (let attempt = 0; attempt < 3 && !this.stopped; attempt++) {
      try {
        const live = await this.deps.handlers.get(this.request('get', { name }));
        if (sameStatus(live.status, status)) return;
        await this.deps.handlers.update(this.request('update', { name, subresource: 'status' }), { ...live, status });
        return;
      } catch (err) {
        if (err instanceof StatusError && err.code === 404) return;
        if (!(err instanceof StatusError && err.code === 409)) {
          this.deps.logger?.error(`updating status of CRD ${name} failed`, err);
          return;
        }
      }
    }
  }
}
