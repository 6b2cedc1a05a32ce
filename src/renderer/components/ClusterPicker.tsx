// The cluster switcher in the top bar: a menu of every context with its state, and the same list
// as a filterable palette on Ctrl/Cmd+K.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClusterSummary } from '../../shared/bridge/types';
import { StateBadge } from './StateBadge';

interface Props {
  clusters: ClusterSummary[];
  current?: ClusterSummary;
  onPick(id: string): void;
}

function ClusterList({ clusters, current, onPick, filter }: Props & { filter: string }) {
  const shown = clusters.filter((c) => `${c.name} ${c.source} ${c.server ?? ''}`.toLowerCase().includes(filter.toLowerCase()));
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [filter]);
  return (
    <ul
      className="menu-list"
      role="listbox"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') setActive((a) => Math.min(shown.length - 1, a + 1));
        else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
        else if (e.key === 'Enter' && shown[active]) onPick(shown[active].id);
        else return;
        e.preventDefault();
      }}
    >
      {shown.map((c, i) => (
        <li
          key={c.id}
          role="option"
          aria-selected={c.id === current?.id}
          className={`cluster-item${i === active ? ' active' : ''}${c.id === current?.id ? ' current' : ''}`}
          onMouseEnter={() => setActive(i)}
          onClick={() => onPick(c.id)}
          title={c.stateMessage ?? c.server ?? ''}
        >
          <span className="cluster-name">{c.name}</span>
          <span className="cluster-source">{c.builtIn ? 'built in' : c.source.split('/').pop()}</span>
          <StateBadge state={c.state} title={c.stateMessage} />
        </li>
      ))}
      {shown.length === 0 ? <li className="muted">No matching cluster</li> : null}
    </ul>
  );
}

export function ClusterPicker(props: Props) {
  const [open, setOpen] = useState<'menu' | 'palette' | null>(null);
  const [filter, setFilter] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setFilter('');
        setOpen('palette');
      } else if (e.key === 'Escape' && openRef.current) {
        e.preventDefault(); // handled: the details drawer stays open
        setOpen(null);
      }
    };
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, []);
  const pick = (id: string) => {
    setOpen(null);
    props.onPick(id);
  };
  const label = useMemo(() => props.current?.name ?? 'Choose a cluster', [props.current]);
  return (
    <div className="cluster-picker" ref={box}>
      <button className="picker-button" aria-haspopup="listbox" aria-expanded={open !== null} onClick={() => setOpen(open ? null : 'menu')} title="Switch cluster (Ctrl/Cmd+K)">
        <span className="cluster-name">{label}</span>
        {props.current ? <StateBadge state={props.current.state} title={props.current.stateMessage} /> : null}
        <span className="caret">▾</span>
      </button>
      {open ? (
        <div className={open === 'palette' ? 'palette' : 'dropdown'}>
          {open === 'palette' ? (
            <input
              autoFocus
              className="palette-input"
              placeholder="Switch to cluster…"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter') {
                  (e.currentTarget.nextElementSibling as HTMLElement | null)?.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, bubbles: true }));
                }
              }}
            />
          ) : null}
          <ClusterList {...props} onPick={pick} filter={open === 'palette' ? filter : ''} />
        </div>
      ) : null}
    </div>
  );
}
