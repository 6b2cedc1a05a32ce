// Multi-select of namespaces; an empty choice means all namespaces.
import { useEffect, useRef, useState } from 'react';

interface Props {
  namespaces: string[];
  selected: string[];
  onChange(next: string[]): void;
  disabled?: boolean;
}

export function NamespaceSelect({ namespaces, selected, onChange, disabled }: Props) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onDown = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, []);
  const toggle = (ns: string) => onChange(selected.includes(ns) ? selected.filter((s) => s !== ns) : [...selected, ns].sort());
  const label = disabled ? 'Cluster-scoped' : selected.length === 0 ? 'All namespaces' : selected.length <= 2 ? selected.join(', ') : `${selected.length} namespaces`;
  const all = [...new Set([...namespaces, ...selected])].sort();
  return (
    <div className="ns-select" ref={box}>
      <button className="picker-button" disabled={disabled} aria-haspopup="listbox" aria-expanded={open} onClick={() => setOpen(!open)} title="Namespaces">
        <span className="muted">ns:</span> <span data-testid="ns-label">{label}</span> <span className="caret">▾</span>
      </button>
      {open ? (
        <div className="dropdown ns-dropdown" onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setOpen(false);
          }}>
          <input autoFocus className="palette-input" placeholder="Filter namespaces" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <label className="check-row">
            <input type="checkbox" checked={selected.length === 0} onChange={() => onChange([])} /> All namespaces
          </label>
          <div className="ns-list">
            {all
              .filter((ns) => ns.includes(filter))
              .map((ns) => (
                <label className="check-row" key={ns}>
                  <input type="checkbox" checked={selected.includes(ns)} onChange={() => toggle(ns)} /> {ns}
                </label>
              ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
