// What the API server knows about a resource: enough for routing, discovery, storage keys and printing.

export interface ScaleSubresource {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export interface ResourceInfo {
  group: string; // '' for core
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** subresources served besides the main resource */
  subresources: { status?: boolean; scale?: ScaleSubresource };
  /** verbs advertised in discovery */
  verbs: string[];
  /** true for custom resources served from a CRD */
  custom?: boolean;
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const apiVersionOf = (r: Pick<ResourceInfo, 'group' | 'version'>): string => (r.group ? `${r.group}/${r.version}` : r.version);

/** Storage key prefix, as the real apiserver lays out etcd: /registry/<group>/<plural>/<ns>/<name> */
export const keyPrefixOf = (r: Pick<ResourceInfo, 'group' | 'plural'>): string =>
  r.group ? `/registry/${r.group}/${r.plural}/` : `/registry/${r.plural}/`;
