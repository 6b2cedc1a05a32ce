// The dock at the bottom of the app shell: terminal tabs and the port-forwards tab. Every tab stays
// mounted while it is open (hidden ones just are not shown), so switching tabs or views never ends
// a session; closing a tab cancels its stream, which ends the session in the engine.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type React from 'react';
import type { ClusterSummary } from '../../shared/bridge/types';
import type { PortForwardSpec, TerminalTarget } from '../../shared/bridge/methods-terminals';
import { PortForwardsPanel } from '../port-forwards/PortForwardsPanel';
import { StartForwardDialog } from '../port-forwards/StartForwardDialog';
import type { TerminalDockApi } from './dock-context';
import { TerminalView, type SessionState } from './TerminalView';
import { closeTab, emptyDock, isOpen, openTab, retitle, showForwards, type DockState } from './tabs';
import { loadTerminalStyles } from './xterm-setup';

/** the dock's API for the app's components, and the dock element for the shell to place */
export function useTerminalDockHost(clusters: ClusterSummary[]): { api: TerminalDockApi; dock: ReactNode } {
  const [state, setState] = useState<DockState>(emptyDock);
  const [ended, setEnded] = useState<Record<string, boolean>>({});
  const [forwardAsk, setForwardAsk] = useState<Omit<PortForwardSpec, 'localPort'> | null>(null);
  const builtIn = useMemo(() => new Set(clusters.filter((c) => c.builtIn).map((c) => c.id)), [clusters]);
  const api = useMemo<TerminalDockApi>(
    () => ({
      openTerminal: (t: TerminalTarget) => setState((s) => openTab(s, t)),
      showForwards: () => setState(showForwards),
      startForward: (spec) => setForwardAsk(spec),
      isBuiltIn: (id) => builtIn.has(id),
    }),
    [builtIn],
  );
  const onState = useCallback((key: string, s: SessionState) => setEnded((e) => ({ ...e, [key]: s.phase === 'ended' })), []);
  loadTerminalStyles();
  const dock = (
    <>
      {isOpen(state) ? <Dock state={state} setState={setState} ended={ended} onState={onState} /> : null}
      {forwardAsk ? (
        <StartForwardDialog
          spec={forwardAsk}
          onClose={() => setForwardAsk(null)}
          onStarted={() => {
            setForwardAsk(null);
            setState(showForwards);
          }}
        />
      ) : null}
    </>
  );
  return { api, dock };
}

function Dock({ state, setState, ended, onState }: { state: DockState; setState(f: (s: DockState) => DockState): void; ended: Record<string, boolean>; onState(key: string, s: SessionState): void }) {
  const select = (key: string) => setState((s) => ({ ...s, current: key, minimized: false }));
  const [height, setHeight] = useState(300);
  // drag the dock's top edge; set through the CSSOM (element.style), which the CSP allows
  const startResize = (e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => setHeight(Math.max(120, Math.min(window.innerHeight - 120, window.innerHeight - ev.clientY)));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  return (
    <section className={`dock${state.minimized ? ' minimized' : ''}`} aria-label="Terminals" style={state.minimized ? undefined : { height }}>
      <div className="dock-resize" onPointerDown={startResize} role="separator" aria-orientation="horizontal" aria-label="Resize the dock" />
      <div className="dock-bar" role="tablist">
        {state.forwardsOpen ? <DockTab label="Port-forwards" current={state.current === 'forwards'} onSelect={() => select('forwards')} onClose={() => setState((s) => closeTab(s, 'forwards'))} /> : null}
        {state.tabs.map((t) => (
          <DockTab key={t.key} label={t.title} ended={ended[t.key]} current={state.current === t.key} onSelect={() => select(t.key)} onClose={() => setState((s) => closeTab(s, t.key))} />
        ))}
        <span className="spacer" />
        <button className="dock-tool" onClick={() => setState((s) => ({ ...s, minimized: !s.minimized }))} aria-label={state.minimized ? 'Restore the dock' : 'Minimize the dock'}>
          {state.minimized ? '▴' : '▾'}
        </button>
      </div>
      <div className="dock-body" hidden={state.minimized}>
        {state.forwardsOpen ? (
          <div className="dock-pane" hidden={state.current !== 'forwards'}>
            <PortForwardsPanel />
          </div>
        ) : null}
        {state.tabs.map((t) => (
          <div key={t.key} className="dock-pane" hidden={state.current !== t.key} role="tabpanel" aria-label={t.title}>
            <TerminalView target={t.target} visible={!state.minimized && state.current === t.key} onTitle={(title) => setState((s) => retitle(s, t.key, title))} onState={(s) => onState(t.key, s)} />
          </div>
        ))}
      </div>
    </section>
  );
}

function DockTab({ label, current, ended, onSelect, onClose }: { label: string; current: boolean; ended?: boolean; onSelect(): void; onClose(): void }) {
  return (
    <span className={`dock-tab${current ? ' current' : ''}`}>
      <button className="link" role="tab" aria-selected={current} onClick={onSelect}>
        {label}
      </button>
      {ended ? <span className="dot-ended" title="The session ended" /> : null}
      <button className="dock-close" onClick={onClose} aria-label={`Close ${label}`}>
        ×
      </button>
    </span>
  );
}
