// The controls of a log view: what to stream (container, follow, previous, since, tail), how to
// show it (timestamps, wrap), pause/resume, search and download.
import type { KeyboardEvent } from 'react';
import type { StreamChoice } from './useLogStream';

export const SINCE: [string, number | undefined][] = [['all time', undefined], ['5 min', 300], ['15 min', 900], ['1 hour', 3600], ['6 hours', 21600], ['24 hours', 86400]];
export const TAIL: [string, number | undefined][] = [['100', 100], ['1,000', 1000], ['10,000', 10000], ['all', undefined]];

export interface ToolbarProps {
  isPod: boolean;
  containers: { name: string; init?: boolean; restarts?: number }[];
  container?: string;
  choice: StreamChoice;
  onChoice(c: Partial<StreamChoice>): void;
  paused: boolean;
  newLines: number;
  onPause(paused: boolean): void;
  timestamps: boolean;
  onTimestamps(on: boolean): void;
  wrap: boolean;
  onWrap(on: boolean): void;
  query: string;
  onQuery(q: string): void;
  matchCount: number;
  currentMatch: number;
  onStep(delta: 1 | -1): void;
  lines: number;
  /** the stream finished or failed */
  ended: boolean;
  onDownload(): void;
}

function ContainerPicker(p: ToolbarProps) {
  const value = p.isPod ? (p.choice.container ?? p.container ?? '') : (p.choice.container ?? '');
  return (
    <label>
      Container
      <select aria-label="Container" value={value} onChange={(e) => p.onChoice({ container: e.target.value || undefined })}>
        {p.isPod ? null : <option value="">all containers</option>}
        {p.containers.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
            {c.init ? ' (init)' : ''}
            {c.restarts ? ` · ${c.restarts} restarts` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function Choice({ label, options, value, onPick }: { label: string; options: [string, number | undefined][]; value: number | undefined; onPick(v: number | undefined): void }) {
  return (
    <label>
      {label}
      <select aria-label={label} value={String(value ?? '')} onChange={(e) => onPick(e.target.value ? Number(e.target.value) : undefined)}>
        {options.map(([text, v]) => (
          <option key={text} value={String(v ?? '')}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function Search(p: ToolbarProps) {
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      p.onStep(e.shiftKey ? -1 : 1);
    }
  };
  const count = !p.query ? '' : p.matchCount === 0 ? 'no matches' : p.currentMatch >= 0 ? `${p.currentMatch + 1} / ${p.matchCount}` : `${p.matchCount} ${p.matchCount === 1 ? 'match' : 'matches'}`;
  return (
    <>
      <input type="search" className="log-search" placeholder="Search (Enter: next)" aria-label="Search logs" value={p.query} onChange={(e) => p.onQuery(e.target.value)} onKeyDown={onKey} />
      <span className="count" data-testid="log-match-count">
        {count}
      </span>
      <button onClick={() => p.onStep(-1)} disabled={!p.matchCount} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ↑
      </button>
      <button onClick={() => p.onStep(1)} disabled={!p.matchCount} aria-label="Next match" title="Next match (Enter)">
        ↓
      </button>
    </>
  );
}

export function LogToolbar(p: ToolbarProps) {
  return (
    <div className="log-toolbar" role="toolbar" aria-label="Log controls">
      <ContainerPicker {...p} />
      <Check label="Follow" checked={p.choice.follow} onChange={(follow) => p.onChoice({ follow })} />
      {p.choice.follow ? (
        <button onClick={() => p.onPause(!p.paused)} className={p.paused ? 'primary' : ''}>
          {p.paused ? `Resume${p.newLines ? ` (${p.newLines.toLocaleString()} new lines)` : ''}` : 'Pause'}
        </button>
      ) : null}
      {p.choice.follow && !p.ended ? <span className={p.paused ? 'paused' : 'live'}>{p.paused ? 'paused' : '● live'}</span> : null}
      {p.isPod ? <Check label="Previous" checked={p.choice.previous} onChange={(previous) => p.onChoice({ previous })} /> : null}
      <Check label="Timestamps" checked={p.timestamps} onChange={p.onTimestamps} />
      <Check label="Wrap" checked={p.wrap} onChange={p.onWrap} />
      <Choice label="Since" options={SINCE} value={p.choice.sinceSeconds} onPick={(sinceSeconds) => p.onChoice({ sinceSeconds })} />
      <Choice label="Tail" options={TAIL} value={p.choice.tailLines} onPick={(tailLines) => p.onChoice({ tailLines })} />
      <Search {...p} />
      <span className="muted" data-testid="log-line-count">
        {p.lines.toLocaleString()} {p.lines === 1 ? 'line' : 'lines'}
      </span>
      <button onClick={p.onDownload} disabled={!p.lines}>
        Download
      </button>
    </div>
  );
}
