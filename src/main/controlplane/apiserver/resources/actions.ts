// Subresources that are actions rather than views of the object: a client POSTs a different kind to
// them (a Binding to pods/binding, an Eviction to pods/eviction, a TokenRequest to
// serviceaccounts/token). Routing, discovery and the REST storage read this one table.
import type { ResourceInfo } from './types';

export interface ActionSubresource {
  name: string;
  /** the kind a client sends and gets back */
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

const ACTIONS: Record<string, ActionSubresource[]> = {
  '/pods': [
    { name: 'binding', group: '', version: 'v1', kind: 'Binding', verbs: ['create'] },
    { name: 'eviction', group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  ],
  '/serviceaccounts': [{ name: 'token', group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] }],
};

export const actionsOf = (r: Pick<ResourceInfo, 'group' | 'plural' | 'custom'>): ActionSubresource[] =>
  r.custom ? [] : (ACTIONS[`${r.group}/${r.plural}`] ?? []);

export const actionOf = (r: Pick<ResourceInfo, 'group' | 'plural' | 'custom'>, sub: string): ActionSubresource | undefined =>
  actionsOf(r).find((a) => a.name === sub);

/** Kinds a client only ever creates and that are answered, never stored (reviews). */
const VIRTUAL = new Set([
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authorization.k8s.io/subjectaccessreviews',
  'authentication.k8s.io/selfsubjectreviews',
  'authentication.k8s.io/tokenreviews',
]);

export const isVirtual = (r: Pick<ResourceInfo, 'group' | 'plural' | 'custom'>): boolean => !r.custom && VIRTUAL.has(`${r.group}/${r.plural}`);
