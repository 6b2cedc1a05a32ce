// One log view: a stream (useLogStream → LineStore), the toolbar, and the virtualized list.
// Pausing freezes how many lines are shown while the store keeps filling; scrolling up pauses too,
// as in k9s and Lens, and "Resume (N new lines)" jumps back to the end.
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { LogList, type LogListHandle } from './LogList';
import { LogToolbar } from './LogToolbar';
import { downloadLog } from './download';
import { emptyMatches, extendMatches, firstMatchFrom, type Matches } from './search';
import { useLogStream, type LogTarget, type StreamChoice } from './useLogStream';

export const titleOf = (t: LogTarget): string => (t.type === 'pod' ? `${t.pod}${t.container ? `/${t.container}` : ''}` : `${t.kind} ${t.name} (all pods)`);

/** search state that keeps up with the store without copying it into React */
function useMatches(store: ReturnType<typeof useLogStream>['store'], query: string, version: number): Matches {
  const ref = useRef<Matches>(emptyMatches());
  const m = ref.current;
  // a new query, or the store was cleared (a new stream): start over
  if (m.query !== query || m.searchedTo > store.end) ref.current = emptyMatches(query);
  void version;
  return extendMatches(ref.current, store);
}

export function LogView({ target }: { target: LogTarget }) {
  const [choice, setChoice] = useState<StreamChoice>({ follow: true, previous: false, tailLines: 1000, container: target.type === 'pod' ? target.container : undefined });
  const stream = useLogStream(target, choice);
  const { store } = stream;
  const version = useSyncExternalStore(
    useCallback((l: () => void) => store.subscribe(l), [store]),
    () => store.version,
  );
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const list = useRef<LogListHandle>(null);
  const matches = useMatches(store, query, version);
  const paused = choice.follow && pausedAt !== null;
  const shownEnd = paused ? Math.min(pausedAt, store.end) : store.end;

  const pause = (on: boolean) => setPausedAt(on ? store.end : null);
  const step = (delta: 1 | -1) => {
    const n = matches.lines.length;
    if (!n) return;
    const next = current < 0 ? (delta > 0 ? 0 : n - 1) : (current + delta + n) % n;
    setCurrent(next);
    // jumping to a match stops the view from running away; the lines up to it stay visible
    if (choice.follow) setPausedAt(Math.max(store.end, matches.lines[next] + 1));
    requestAnimationFrame(() => list.current?.scrollToLine(matches.lines[next]));
  };
  const onScrolled = (atBottom: boolean) => {
    if (!atBottom && !paused && choice.follow) setPausedAt(store.end);
  };
  const labels = target.type === 'pod' ? 'none' : stream.containers.filter((c) => !c.init).length > 1 && !choice.container ? 'pod-container' : 'pod';
  return (
    <div className="log-view" aria-label={`Logs of ${titleOf(target)}`}>
      <LogToolbar
        isPod={target.type === 'pod'}
        containers={stream.containers}
        container={stream.container}
        choice={choice}
        onChoice={(c) => (setChoice((old) => ({ ...old, ...c })), setPausedAt(null))}
        paused={paused}
        newLines={store.end - shownEnd}
        onPause={pause}
        timestamps={timestamps}
        onTimestamps={setTimestamps}
        wrap={wrap}
        onWrap={setWrap}
        query={query}
        onQuery={(q) => (setQuery(q), setCurrent(-1))}
        matchCount={matches.lines.length}
        currentMatch={current}
        onStep={step}
        lines={store.size}
        ended={stream.ended}
        onDownload={() => downloadLog(store, `${titleOf(target)}.log`, { timestamps, labels: labels !== 'none' })}
      />
      {stream.error ? (
        <div className="log-status error" role="alert">
          {stream.error.message}
        </div>
      ) : stream.ended ? (
        <div className="log-status muted">End of log.</div>
      ) : null}
      <LogList key={wrap ? 'wrap' : 'nowrap'} ref={list} store={store} version={version} shownEnd={shownEnd} timestamps={timestamps} wrap={wrap} labels={labels} matches={matches} currentMatch={current} follow={choice.follow && !paused} onScrolled={onScrolled} />
    </div>
  );
}

/** where a paused view's match lies, for tests and the count */
export const matchIndexAt = firstMatchFrom;
