// Answers discovery paths from the ResourceRegistry. Rendered documents (and their ETags) are cached
// until the registry changes, so a CRD becomes visible on the very next request.
import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '../resources/registry';
import type { ResourceInfo } from '../resources/types';
import { aggregatedContentType, groupDiscoveryList } from './aggregated';
import { apiGroupDoc, apiGroupList, apiResourceList, apiVersions } from './legacy';
import { buildModel, type GroupModel } from './model';

export interface DiscoveryDocument {
  body: string;
  etag: string;
  contentType: string;
}

export class DiscoveryService {
  private model: GroupModel[] | undefined;
  private readonly cache = new Map<string, DiscoveryDocument>();
  private readonly unsubscribe: () => void;

  /** `extra`: groups served outside the registry and never stored (metrics.k8s.io) */
  constructor(
    private readonly registry: ResourceRegistry,
    private readonly extra: ResourceInfo[] = [],
  ) {
    this.unsubscribe = registry.onDidChange(() => {
      this.model = undefined;
      this.cache.clear();
    });
  }

  dispose(): void {
    this.unsubscribe();
  }

  /**
   * The document for a discovery path (/api, /api/v1, /apis, /apis/<g>, /apis/<g>/<v>), or
   * undefined when the path is not a discovery path or names nothing served.
   */
  lookup(pathname: string, aggregated: 'v2' | 'v2beta1' | undefined, serverAddress: string): DiscoveryDocument | undefined {
    const segs = pathname.split('/').filter(Boolean);
    const isRoot = segs.length === 1 && (segs[0] === 'api' || segs[0] === 'apis');
    const key = `${segs.join('/')}|${isRoot ? (aggregated ?? '') : ''}|${segs.length === 1 && segs[0] === 'api' ? serverAddress : ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const doc = this.render(segs, isRoot ? aggregated : undefined, serverAddress);
    if (doc === undefined) return undefined;
    const body = JSON.stringify(doc.body);
    const rendered = { body, contentType: doc.contentType, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` };
    this.cache.set(key, rendered);
    return rendered;
  }

  private groups(): GroupModel[] {
    return (this.model ??= buildModel(this.registry, this.extra));
  }

  private render(segs: string[], aggregated: 'v2' | 'v2beta1' | undefined, serverAddress: string): { body: object; contentType: string } | undefined {
    const json = (body: object | undefined) => body && { body, contentType: 'application/json' };
    const groups = this.groups();
    const legacy = segs[0] === 'api';
    if (segs.length === 1) {
      if (aggregated) return { body: groupDiscoveryList(aggregated, groups, legacy), contentType: aggregatedContentType(aggregated) };
      return json(legacy ? apiVersions(groups.find((g) => g.name === ''), serverAddress) : apiGroupList(groups));
    }
    if (legacy) {
      if (segs.length !== 2) return undefined;
      return json(this.resourceList('', segs[1]));
    }
    const group = groups.find((g) => g.name !== '' && g.name === segs[1]);
    if (!group) return undefined;
    if (segs.length === 2) return json(apiGroupDoc(group));
    if (segs.length === 3) return json(this.resourceList(segs[1], segs[2]));
    return undefined;
  }

  private resourceList(group: string, version: string): object | undefined {
    const v = this.groups()
      .find((g) => g.name === group)
      ?.versions.find((x) => x.version === version);
    return v && apiResourceList(group, version, v.resources);
  }
}
