// Kinds the cluster serves, from discovery, grouped by category.
import { useState } from 'react';
import type { ResourceKind } from '../../shared/bridge/types';
import { groupKinds, kindKey, pluralTitle } from './groups';

export function Sidebar({ kinds, current, onPick }: { kinds: ResourceKind[]; current?: ResourceKind; onPick(k: ResourceKind): void }) {
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({ 'Custom resources': false, Other: true });
  return (
    <nav className="sidebar" aria-label="Resource kinds">
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
                </button>
              ))}
        </section>
      ))}
    </nav>
  );
}
