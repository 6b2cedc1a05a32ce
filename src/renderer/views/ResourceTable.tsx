// The rows of one view, virtualized: only the rows on screen are in the DOM, and only the rows
// around them are held (useView asks the engine for a new window as the range moves).
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ViewColumn, ViewRow } from '../../shared/bridge/types';
import type { LiveView } from '../hooks/useView';
import { formatCell } from '../components/format';
import { useNow } from '../components/useNow';

export const ROW_HEIGHT = 26;

interface Props {
  view: LiveView;
  columns: ViewColumn[];
  showNamespace: boolean;
  sort?: { column: string; descending: boolean };
  onSort(column: string): void;
  selected: number;
  onSelect(index: number): void;
  onOpen(row: ViewRow): void;
  onContextMenu(row: ViewRow, x: number, y: number): void;
}

const widthOf = (c: ViewColumn, i: number) => (i === 0 ? 'minmax(180px, 3fr)' : c.type === 'date' ? '70px' : c.type === 'integer' || c.type === 'number' ? '80px' : 'minmax(80px, 1fr)');

function moveKey(key: string, index: number, total: number, page: number): number | null {
  const clamp = (i: number) => Math.max(0, Math.min(total - 1, i));
  if (key === 'ArrowDown') return clamp(index + 1);
  if (key === 'ArrowUp') return clamp(index - 1);
  if (key === 'PageDown') return clamp(index + page);
  if (key === 'PageUp') return clamp(index - page);
  if (key === 'Home') return 0;
  if (key === 'End') return total - 1;
  return null;
}

function HeaderCell({ name, sort, onSort }: { name: string; sort?: Props['sort']; onSort(c: string): void }) {
  const active = sort?.column === name;
  return (
    <button className={`th${active ? ' sorted' : ''}`} role="columnheader" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} onClick={() => onSort(name)}>
      {name}
      {active ? <span className="sort-mark">{sort.descending ? ' ▼' : ' ▲'}</span> : null}
    </button>
  );
}

export function ResourceTable({ view, columns, showNamespace, sort, onSort, selected, onSelect, onOpen, onContextMenu }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow();
  const total = view.update?.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1].index + 1 : 0;
  const { showRange } = view;
  useEffect(() => {
    if (last > 0) showRange(first, last);
  }, [first, last, showRange]);
  useEffect(() => {
    if (selected >= 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  const template = [columns[0], ...(showNamespace ? [{ name: 'Namespace', type: 'string', priority: 0 }] : []), ...columns.slice(1)].filter(Boolean) as ViewColumn[];
  const gridTemplateColumns = template.map(widthOf).join(' ');
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 260) / ROW_HEIGHT) - 1);
    const next = moveKey(e.key, selected < 0 ? -1 : selected, total, page);
    if (next !== null) {
      e.preventDefault();
      onSelect(selected < 0 && e.key === 'ArrowDown' ? 0 : next);
    } else if (e.key === 'Enter') {
      const row = view.rowAt(selected);
      if (row) onOpen(row);
    }
  };
  const all = view.update?.columns ?? [];
  const cellsOf = (row: ViewRow) => {
    const picked = columns.map((c) => formatCell(row.cells[all.findIndex((x) => x.name === c.name)] ?? null, c.type, now));
    return showNamespace ? [picked[0], row.namespace ?? '', ...picked.slice(1)] : picked;
  };
  return (
    <div className="table" role="grid" aria-rowcount={total}>
      <div className="thead" style={{ gridTemplateColumns }}>
        {template.map((c) => (
          <HeaderCell key={c.name} name={c.name} sort={sort} onSort={onSort} />
        ))}
      </div>
      <div className="tbody" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} data-testid="table-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = view.rowAt(item.index);
            const style = { transform: `translateY(${item.start}px)`, gridTemplateColumns, height: ROW_HEIGHT };
            if (!row) return <div key={item.key} className="tr placeholder" style={style} />;
            return (
              <div
                key={row.uid}
                role="row"
                aria-selected={item.index === selected}
                className={`tr${item.index === selected ? ' selected' : ''}${row.health && row.health !== 'ok' ? ` health-${row.health}` : ''}`}
                style={style}
                data-name={row.name}
                onClick={() => onSelect(item.index)}
                onDoubleClick={() => onOpen(row)}
                onContextMenu={(e: MouseEvent) => {
                  e.preventDefault();
                  onSelect(item.index);
                  onContextMenu(row, e.clientX, e.clientY);
                }}
              >
                {cellsOf(row).map((text, i) => (
                  <div key={i} className={`td${i === 0 ? ' td-name' : ''}`} title={text}>
                    {i === 0 && row.health ? <span className={`dot dot-${row.health}`} /> : null}
                    {text}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
