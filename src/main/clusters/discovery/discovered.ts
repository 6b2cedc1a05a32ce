// A resource as discovery reports it, before it is placed in a category.
export interface DiscoveredResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
}
