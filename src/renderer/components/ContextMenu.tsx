// A small menu at the pointer; closes on click outside, Esc or a pick.
import { useEffect, useRef, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  disabled?: boolean;
  title?: string;
  danger?: boolean;
  onPick(): void;
}

export function ContextMenu({ x, y, items, onClose, header }: { x: number; y: number; items: MenuItem[]; onClose(): void; header?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && onClose();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  const left = Math.min(x, window.innerWidth - 200);
  const top = Math.min(y, window.innerHeight - 40 - items.length * 28);
  return (
    <div className="context-menu" role="menu" ref={ref} style={{ left, top }}>
      {header ? <div className="menu-header">{header}</div> : null}
      {items.map((item) => (
        <button
          key={item.label}
          role="menuitem"
          className={item.danger ? 'danger-text' : ''}
          disabled={item.disabled}
          title={item.title}
          onClick={() => {
            onClose();
            item.onPick();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
