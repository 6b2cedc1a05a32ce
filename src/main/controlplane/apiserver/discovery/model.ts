// The served API as discovery sees it: groups, their versions by priority, and resources.
// Built from the ResourceRegistry on each change, so nothing is listed twice.
import type { ResourceRegistry } from '../resources/registry';
import { actionsOf } from '../resources/actions';
import { streamSubresourcesOf } from '../resources/streams';
import type { ResourceInfo } from '../resources/types';
import { compareKubeVersions } from './versions';

export interface GroupModel {
  name: string; // '' for core
  /** versions by priority; the first is preferred */
  versions: { version: string; resources: ResourceInfo[] }[];
}

export const buildModel = (registry: ResourceRegistry, extra: ResourceInfo[] = []): GroupModel[] => {
  const groups = new Map<string, Map<string, ResourceInfo[]>>();
  for (const r of [...registry.all(), ...extra]) {
    const versions = groups.get(r.group) ?? new Map<string, ResourceInfo[]>();
    const list = versions.get(r.version) ?? [];
    list.push(r);
    versions.set(r.version, list);
    groups.set(r.group, versions);
  }
  return [...groups].map(([name, versions]) => ({
    name,
    versions: [...versions]
      .sort(([a], [b]) => compareKubeVersions(a, b))
      .map(([version, resources]) => ({ version, resources: [...resources].sort((x, y) => x.plural.localeCompare(y.plural)) })),
  }));
};

export interface SubresourceModel {
  name: string;
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

/** status shares the parent's kind; scale answers autoscaling/v1 Scale, as upstream. */
export const subresourcesOf = (r: ResourceInfo): SubresourceModel[] => {
  const out: SubresourceModel[] = [];
  const verbs = ['get', 'patch', 'update'];
  if (r.subresources.status) out.push({ name: 'status', group: r.group, version: r.version, kind: r.kind, verbs });
  if (r.subresources.scale) out.push({ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs });
  for (const a of actionsOf(r)) out.push({ name: a.name, group: a.group, version: a.version, kind: a.kind, verbs: a.verbs });
  for (const s of streamSubresourcesOf(r)) out.push({ name: s.name, group: '', version: 'v1', kind: s.kind, verbs: s.verbs });
  return out;
};
