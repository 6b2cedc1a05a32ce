// One discovery pass for a cluster: aggregated when the server has it (re-asked with ETags, so an
// unchanged cluster answers 304), else the legacy walk; then categories.
import type { KubeConfig } from '@kubernetes/client-node';
import type { ResourceKind } from '../../../shared/bridge/types';
import { kubeGet } from '../connections/kube-request';
import { AGGREGATED_ACCEPT, parseAggregated } from './aggregated';
import { categoryOf, categoryRank } from './categories';
import { crdNames } from './crd-names';
import type { DiscoveredResource } from './discovered';
import { legacyDiscovery } from './legacy';

/** what the last pass saw, to ask again cheaply */
export interface DiscoveryMemo {
  etags: Record<string, string>;
  resources: Record<string, DiscoveredResource[]>;
}

export async function fetchKinds(kc: KubeConfig, memo: DiscoveryMemo): Promise<{ kinds: ResourceKind[]; unchanged: boolean }> {
  let unchanged = true;
  const all: DiscoveredResource[] = [];
  for (const path of ['/api', '/apis']) {
    const res = await kubeGet(kc, path, { accept: AGGREGATED_ACCEPT, etag: memo.etags[path] });
    if (res.status === 304 && memo.resources[path]) {
      all.push(...memo.resources[path]);
      continue;
    }
    if (res.status !== 200) throw new Error(`discovery: GET ${path} answered ${res.status}`);
    const parsed = parseAggregated(res.body);
    if (!parsed) return { kinds: await categorize(kc, await legacyDiscovery(kc)), unchanged: false };
    unchanged = false;
    memo.resources[path] = parsed;
    const etag = res.headers.etag;
    if (typeof etag === 'string') memo.etags[path] = etag;
    else delete memo.etags[path];
    all.push(...parsed);
  }
  return { kinds: unchanged ? [] : await categorize(kc, all), unchanged };
}

/** a view lists and watches; kinds that cannot be (metrics.k8s.io's, reviews, bindings) are not browsed */
export const isBrowsable = (r: { verbs: string[] }): boolean => r.verbs.length === 0 || (r.verbs.includes('list') && r.verbs.includes('watch'));

async function categorize(kc: KubeConfig, resources: DiscoveredResource[]): Promise<ResourceKind[]> {
  const crds = await crdNames(kc).catch(() => undefined);
  const kinds = resources.filter(isBrowsable).map((r) => ({ ...r, category: categoryOf(r.group, r.plural, crds?.has(`${r.plural}.${r.group}`) ?? false) }));
  return kinds.sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind));
}
