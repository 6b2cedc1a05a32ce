// Storage keys, laid out as the real apiserver lays out etcd: /registry/<group>/<plural>/<ns>/<name>.
import { keyPrefixOf, type ResourceInfo } from '../resources/types';

export type ResourceRef = Pick<ResourceInfo, 'group' | 'plural'>;

export const keyOf = (resource: ResourceRef & { namespaced: boolean }, namespace: string | undefined, name: string): string =>
  resource.namespaced ? `${keyPrefixOf(resource)}${namespace ?? ''}/${name}` : `${keyPrefixOf(resource)}${name}`;

/** the range a list or watch covers: one namespace, or all of them when `namespace` is undefined */
export const rangePrefixOf = (resource: ResourceRef & { namespaced: boolean }, namespace: string | undefined): string =>
  resource.namespaced && namespace !== undefined ? `${keyPrefixOf(resource)}${namespace}/` : keyPrefixOf(resource);

export const NAMESPACES: ResourceRef & { namespaced: boolean } = { group: '', plural: 'namespaces', namespaced: false };
