// The logs dock: tabs of log views along the bottom of the window. It lives in its own React root
// (with the app's bridge client) so it stays open while the user switches views, closes drawers or
// changes kinds; anything that can reach the client can open a tab with openLogs().
import { useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { BridgeClient } from '../bridge/client';
import { BridgeProvider } from '../bridge/context';
import { LogView, titleOf } from './LogView';
import { adoptLogStyles } from './styles';
import type { LogTarget } from './useLogStream';

interface Tab {
  id: number;
  target: LogTarget;
}

const state = { tabs: [] as Tab[], current: 0, max: false, version: 0 };
const listeners = new Set<() => void>();
let nextId = 1;
let mounted = false;

function changed(): void {
  state.version++;
  for (const l of listeners) l();
}

function mount(client: BridgeClient): void {
  if (mounted) return;
  mounted = true;
  adoptLogStyles();
  const host = document.createElement('div');
  host.id = 'log-dock-root';
  document.body.append(host);
  createRoot(host).render(
    <BridgeProvider client={client}>
      <LogDock />
    </BridgeProvider>,
  );
}

/** opens (or focuses) a tab with the logs of a pod or a workload */
export function openLogs(client: BridgeClient, target: LogTarget): void {
  mount(client);
  const same = state.tabs.find((t) => JSON.stringify(t.target) === JSON.stringify(target));
  if (same) state.current = same.id;
  else {
    const tab = { id: nextId++, target };
    state.tabs = [...state.tabs, tab];
    state.current = tab.id;
  }
  changed();
}

function close(id: number): void {
  const i = state.tabs.findIndex((t) => t.id === id);
  state.tabs = state.tabs.filter((t) => t.id !== id);
  if (state.current === id) state.current = state.tabs[Math.min(i, state.tabs.length - 1)]?.id ?? 0;
  changed();
}

function LogDock() {
  useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state.version,
  );
  if (!state.tabs.length) return null;
  return (
    <section className={`log-dock${state.max ? ' max' : ''}`} aria-label="Logs">
      <div className="log-dock-tabs" role="tablist">
        {state.tabs.map((t) => (
          <span key={t.id} role="tab" aria-selected={t.id === state.current} className={`log-dock-tab${t.id === state.current ? ' current' : ''}`} onClick={() => ((state.current = t.id), changed())} title={titleOf(t.target)}>
            {titleOf(t.target)}
            <button className="link x" aria-label={`Close logs of ${titleOf(t.target)}`} onClick={(e) => (e.stopPropagation(), close(t.id))}>
              ×
            </button>
          </span>
        ))}
        <span className="spacer" />
        <button className="link" onClick={() => ((state.max = !state.max), changed())}>
          {state.max ? 'Restore' : 'Maximize'}
        </button>
        <button className="link" aria-label="Close all logs" onClick={() => ((state.tabs = []), changed())}>
          ×
        </button>
      </div>
      {/* every tab stays mounted so its stream keeps running while another is shown */}
      {state.tabs.map((t) => (
        <div key={t.id} className="log-tab" hidden={t.id !== state.current}>
          <LogView target={t.target} />
        </div>
      ))}
    </section>
  );
}
