// Sidebar sections: kinds grouped by category in the order people look for them.
import type { ResourceKind } from '../../shared/bridge/types';

export const CATEGORY_ORDER = ['Workloads', 'Network', 'Config', 'Storage', 'Access', 'Cluster', 'Custom resources', 'Other'];

export function groupKinds(kinds: ResourceKind[]): { category: string; kinds: ResourceKind[] }[] {
  const byCategory = new Map<string, ResourceKind[]>();
  for (const k of kinds) {
    const list = byCategory.get(k.category) ?? [];
    list.push(k);
    byCategory.set(k.category, list);
  }
  const rank = (c: string) => (CATEGORY_ORDER.includes(c) ? CATEGORY_ORDER.indexOf(c) : CATEGORY_ORDER.length);
  return [...byCategory.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, list]) => ({ category, kinds: list.sort((a, b) => a.kind.localeCompare(b.kind)) }));
}

export const kindKey = (k: { group: string; version: string; plural: string }) => `${k.group}/${k.version}/${k.plural}`;

/** "Deployment" → "Deployments" for headings */
export const pluralTitle = (k: ResourceKind) => (k.plural === k.kind.toLowerCase() ? k.kind : k.kind.endsWith('s') ? `${k.kind}es` : k.kind.endsWith('y') ? `${k.kind.slice(0, -1)}ies` : `${k.kind}s`);
