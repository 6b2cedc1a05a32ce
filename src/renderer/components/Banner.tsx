// A strip across the top of an area that says what went wrong and where.
import type { ReactNode } from 'react';

export function Banner({ tone, title, children, onClose }: { tone: 'error' | 'warning' | 'info'; title: string; children?: ReactNode; onClose?: () => void }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      {children ? <span className="banner-body">{children}</span> : null}
      {onClose ? (
        <button className="link" onClick={onClose} aria-label="Dismiss">
          ×
        </button>
      ) : null}
    </div>
  );
}
