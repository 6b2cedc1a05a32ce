// Aggregated discovery (apidiscovery.k8s.io v2 / v2beta1): every group, version and resource in one
// answer to /api or /apis, which kubectl 1.27+ asks for first.
import type { ResourceInfo } from '../resources/types';
import { subresourcesOf, type GroupModel } from './model';

const resourceDiscovery = (r: ResourceInfo): Record<string, unknown> => {
  const out: Record<string, unknown> = {
    resource: r.plural,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
  };
  if (r.shortNames.length) out.shortNames = r.shortNames;
  if (r.categories.length) out.categories = r.categories;
  const subs = subresourcesOf(r);
  if (subs.length) {
    out.subresources = subs.map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs }));
  }
  return out;
};

const groupDiscovery = (g: GroupModel): Record<string, unknown> => ({
  metadata: g.name ? { name: g.name, creationTimestamp: null } : { creationTimestamp: null },
  versions: g.versions.map((v) => ({ version: v.version, resources: v.resources.map(resourceDiscovery), freshness: 'Current' })),
});

/** /api lists only the core group; /apis every named group. */
export const groupDiscoveryList = (apiVersion: 'v2' | 'v2beta1', groups: GroupModel[], legacy: boolean): object => ({
  kind: 'APIGroupDiscoveryList',
  apiVersion: `apidiscovery.k8s.io/${apiVersion}`,
  metadata: {},
  items: groups.filter((g) => (g.name === '') === legacy).map(groupDiscovery),
});

export const aggregatedContentType = (apiVersion: 'v2' | 'v2beta1'): string =>
  `application/json;g=apidiscovery.k8s.io;v=${apiVersion};as=APIGroupDiscoveryList`;
