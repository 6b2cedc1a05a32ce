// Kind ↔ resource, from the cluster's discovery (per group/version, cached per cluster): manifests
// name kinds, the API paths name plurals. Unknown kinds answer undefined so callers can say so.
import type { KubeHttp } from '../cache/kube-http';

export interface KindInfo {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export const splitApiVersion = (apiVersion: string): { group: string; version: string } => {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
};

const TTL_MS = 60_000;

export class KindResolver {
  private readonly cache = new Map<string, { at: number; kinds: Promise<KindInfo[]> }>();

  constructor(
    private readonly http: KubeHttp,
    private readonly now: () => number = Date.now,
  ) {}

  async kinds(clusterId: string, group: string, version: string): Promise<KindInfo[]> {
    const key = `${clusterId}\u0000${group}/${version}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.kinds;
    const kinds = this.fetch(clusterId, group, version);
    this.cache.set(key, { at: this.now(), kinds });
    kinds.catch(() => this.cache.delete(key));
    return kinds;
  }

  private async fetch(clusterId: string, group: string, version: string): Promise<KindInfo[]> {
    const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
    try {
      const list = await this.http.json(clusterId, { path });
      return (list.resources ?? [])
        .filter((r: any) => !String(r.name).includes('/'))
        .map((r: any) => ({ group, version, kind: r.kind, plural: r.name, namespaced: !!r.namespaced }));
    } catch (err) {
      if ((err as { code?: unknown }).code === 404) return [];
      throw err;
    }
  }

  async byKind(clusterId: string, apiVersion: string, kind: string): Promise<KindInfo | undefined> {
    const { group, version } = splitApiVersion(apiVersion);
    return (await this.kinds(clusterId, group, version)).find((k) => k.kind === kind);
  }

  async byPlural(clusterId: string, group: string, version: string, plural: string): Promise<KindInfo | undefined> {
    return (await this.kinds(clusterId, group, version)).find((k) => k.plural === plural);
  }

  /** forget a group/version (after a CRD was applied, its kinds appear) */
  forget(clusterId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${clusterId}\u0000`)) this.cache.delete(key);
  }
}
