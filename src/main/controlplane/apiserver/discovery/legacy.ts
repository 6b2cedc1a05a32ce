// The unaggregated discovery documents: /api, /apis, /apis/<group>, /api/v1, /apis/<group>/<version>.
import { createHash } from 'node:crypto';
import type { ResourceInfo } from '../resources/types';
import { subresourcesOf, type GroupModel } from './model';

/** Upstream hashes the storage version's group/version/kind; clients only compare it for changes. */
export const storageVersionHash = (r: ResourceInfo): string =>
  createHash('sha256').update(`${r.group}/${r.version}/${r.kind}`).digest().subarray(0, 8).toString('base64');

const gvOf = (group: string, version: string): string => (group ? `${group}/${version}` : version);

export const apiVersions = (core: GroupModel | undefined, serverAddress: string): object => ({
  kind: 'APIVersions',
  versions: core ? core.versions.map((v) => v.version) : [],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
});

export const apiGroup = (g: GroupModel): object => {
  const versions = g.versions.map((v) => ({ groupVersion: gvOf(g.name, v.version), version: v.version }));
  return { name: g.name, versions, preferredVersion: versions[0] };
};

export const apiGroupList = (groups: GroupModel[]): object => ({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: groups.filter((g) => g.name !== '').map(apiGroup),
});

export const apiGroupDoc = (g: GroupModel): object => ({ kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g) });

const resourceEntries = (r: ResourceInfo): object[] => {
  const main: Record<string, unknown> = {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: r.verbs,
  };
  if (r.shortNames.length) main.shortNames = r.shortNames;
  if (r.categories.length) main.categories = r.categories;
  main.storageVersionHash = storageVersionHash(r);
  const subs = subresourcesOf(r).map((s) => ({
    name: `${r.plural}/${s.name}`,
    singularName: '',
    namespaced: r.namespaced,
    ...(s.group !== r.group || s.version !== r.version ? { group: s.group, version: s.version } : {}),
    kind: s.kind,
    verbs: s.verbs,
  }));
  return [main, ...subs];
};

export const apiResourceList = (group: string, version: string, resources: ResourceInfo[]): object => ({
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: gvOf(group, version),
  resources: resources.flatMap(resourceEntries),
});
