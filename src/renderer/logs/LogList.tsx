// The virtualized lines of a log view: only the rows on screen exist in the DOM, read straight from
// the LineStore. Without wrap every row is one fixed height; with wrap rows are measured.
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { parseAnsi, type Style } from './ansi';
import type { LineStore } from './line-store';
import { matchesOnLine, splitAtMatches, type Matches } from './search';
import { labelColour } from './styles';

export const ROW_HEIGHT = 18;

export interface LogListHandle {
  scrollToLine(abs: number): void;
}

interface Props {
  store: LineStore;
  /** the store's version, so the list re-renders when lines arrive */
  version: number;
  /** lines shown: [store.first, shownEnd) — pausing freezes it */
  shownEnd: number;
  timestamps: boolean;
  wrap: boolean;
  labels: 'none' | 'pod' | 'pod-container';
  matches: Matches;
  currentMatch: number;
  follow: boolean;
  /** the user scrolled: true when the view is at the bottom */
  onScrolled(atBottom: boolean): void;
}

const cssOf = (s?: Style): CSSProperties | undefined => {
  if (!s) return undefined;
  const [fg, bg] = s.inverse ? [s.bg ?? '#0f1419', s.fg ?? '#d6dde6'] : [s.fg, s.bg];
  return { color: fg, backgroundColor: bg, fontWeight: s.bold ? 700 : undefined, opacity: s.dim ? 0.7 : undefined, fontStyle: s.italic ? 'italic' : undefined, textDecoration: s.underline ? 'underline' : undefined };
};

function lineContent(p: Props, abs: number): ReactNode[] {
  const hits = matchesOnLine(p.matches, abs);
  return splitAtMatches(parseAnsi(p.store.text(abs)), hits, p.matches.query.length).map((piece, i) =>
    piece.match >= 0 ? (
      <mark key={i} className={piece.match === p.currentMatch ? 'current' : undefined} style={cssOf(piece.style)}>
        {piece.text}
      </mark>
    ) : piece.style ? (
      <span key={i} style={cssOf(piece.style)}>
        {piece.text}
      </span>
    ) : (
      piece.text
    ),
  );
}

function Label({ store, abs, labels }: { store: LineStore; abs: number; labels: Props['labels'] }) {
  const src = store.src(abs);
  const source = store.sources[src];
  if (labels === 'none' || !source) return null;
  const text = labels === 'pod' ? source.pod : `${source.pod}/${source.container}`;
  return (
    <span className="src" style={{ backgroundColor: labelColour(src) }} title={`${source.pod} / ${source.container}`}>
      {text}
    </span>
  );
}

export const LogList = forwardRef<LogListHandle, Props>(function LogList(props, ref) {
  const { store, shownEnd, wrap, follow, onScrolled } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const count = Math.max(0, shownEnd - store.first);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  useImperativeHandle(ref, () => ({ scrollToLine: (abs) => virtualizer.scrollToIndex(abs - store.first, { align: 'center' }) }), [virtualizer, store]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow && el && count) el.scrollTop = el.scrollHeight;
  });
  const onScroll = () => {
    const el = scroller.current;
    if (el) onScrolled(el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2);
  };
  return (
    <div className={`log-body${wrap ? ' wrap' : ''}`} ref={scroller} onScroll={onScroll} data-testid="log-body" tabIndex={0}>
      {count === 0 ? <div className="log-empty">No log lines yet.</div> : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const abs = store.first + item.index;
          const marker = store.marker(abs);
          const ts = props.timestamps ? store.ts(abs) : undefined;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={wrap ? virtualizer.measureElement : undefined}
              className={`log-row${marker ? ` marker marker-${marker}` : ''}`}
              style={{ transform: `translateY(${item.start}px)`, ...(wrap ? {} : { height: ROW_HEIGHT }) }}
              data-line={abs}
            >
              {ts ? <span className="ts">{ts}</span> : null}
              <Label store={store} abs={abs} labels={props.labels} />
              {marker ? `— ${store.text(abs)} —` : lineContent(props, abs)}
            </div>
          );
        })}
      </div>
    </div>
  );
});
