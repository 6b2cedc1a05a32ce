// Kinds the cluster serves, from discovery, grouped by category.
import { useState } from 'react';
import type { ResourceKind } from '../../shared/bridge/types';
import { groupKinds, kindKey, pluralTitle } from './groups';

type Page = 'overview' | 'events';
const PAGES: { id: Page; title: string }[] = [
  { id: 'overview', title: 'Overview' },
  { id: 'events', title: 'Events (live)' },
];

export function Sidebar({ kinds, current, onPick, page, onPage }: { kinds: ResourceKind[]; current?: ResourceKind; onPick(k: ResourceKind): void; page?: Page | null; onPage?(p: Page): void }) {
  // two kinds of one name (Events in core and events.k8s.io) are told apart by their group
  const seen = new Map<string, number>();
  for (const k of kinds) seen.set(k.kind, (seen.get(k.kind) ?? 0) + 1);
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({ 'Custom resources': false, Other: true });
  return (
    <nav className="sidebar" aria-label="Resource kinds">
      {onPage ? (
        <section>
          {PAGES.map((p) => (
            <button key={p.id} className={`side-item side-page${page === p.id ? ' current' : ''}`} onClick={() => onPage(p.id)}>
              {p.title}
            </button>
          ))}
        </section>
      ) : null}
      {groupKinds(kinds).map(({ category, kinds: list }) => (
        <section key={category}>
          <button className="side-heading" aria-expanded={!collapsed[category]} onClick={() => setCollapsed({ ...collapsed, [category]: !collapsed[category] })}>
            <span className="caret">{collapsed[category] ? '▸' : '▾'}</span> {category}
          </button>
          {collapsed[category]
            ? null
            : list.map((k) => (
                <button
                  key={kindKey(k)}
                  className={`side-item${current && kindKey(current) === kindKey(k) ? ' current' : ''}`}
                  onClick={() => onPick(k)}
                  title={`${k.kind} (${k.group ? `${k.group}/` : ''}${k.version})`}
                >
                  {pluralTitle(k)}
                  {(seen.get(k.kind) ?? 0) > 1 ? <span className="side-group"> {k.group || 'core'}</span> : null}
                </button>
              ))}
        </section>
      ))}
    </nav>
  );
}
