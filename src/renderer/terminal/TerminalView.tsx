// One terminal session in the dock: xterm on screen, the engine's terminal.open stream behind it.
// Output arrives as binary frames and is written as bytes; keystrokes go back the same way. A
// session that drops (engine gone, pod deleted, exec refused) says why and offers Reconnect, which
// starts a new session: a shell cannot be resumed.
import { useEffect, useRef, useState } from 'react';
import type { TerminalEnded, TerminalTarget } from '../../shared/bridge/methods-terminals';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';
import { createXterm, type XtermHandle } from './xterm-setup';
import { TerminalSearch } from './TerminalSearch';

export type SessionState = { phase: 'connecting' } | { phase: 'open'; command: string[] } | { phase: 'ended'; message: string; dropped: boolean };

interface Props {
  target: TerminalTarget;
  visible: boolean;
  onTitle(title: string): void;
  onState(state: SessionState): void;
}

const encoder = new TextEncoder();

export function TerminalView({ target, visible, onTitle, onState }: Props) {
  const client = useBridge();
  const hostRef = useRef<HTMLDivElement>(null);
  const xtermRef = useRef<XtermHandle | undefined>(undefined);
  const [state, setState] = useState<SessionState>({ phase: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const [searching, setSearching] = useState(false);
  const report = useRef(onState);
  report.current = onState;
  const titled = useRef(onTitle);
  titled.current = onTitle;

  useEffect(() => {
    const x = createXterm(hostRef.current!, (url) => window.open(url, '_blank', 'noopener,noreferrer'));
    xtermRef.current = x;
    const resize = new ResizeObserver(() => x.fit());
    resize.observe(hostRef.current!);
    return () => {
      resize.disconnect();
      x.dispose();
    };
  }, []);

  useEffect(() => {
    const x = xtermRef.current!;
    const term = x.term;
    const set = (s: SessionState) => {
      setState(s);
      report.current(s);
    };
    set({ phase: 'connecting' });
    if (attempt > 0) term.write('\r\n\x1b[2m— reconnecting —\x1b[0m\r\n');
    let ended = false;
    const end = (message: string, dropped: boolean) => {
      if (ended) return;
      ended = true;
      set({ phase: 'ended', message, dropped });
      term.write(`\r\n\x1b[${dropped ? '31' : '2'}m[${message}]\x1b[0m\r\n`);
    };
    const sub = client.subscribe(
      'terminal.open',
      { ...target, cols: term.cols, rows: term.rows },
      (ev: TerminalEnded) => end(ev.dropped ? `Session dropped: ${ev.message}` : `Session ended: ${ev.message}`, ev.dropped),
      (err) => (err ? end(`Session dropped: ${err.message}`, true) : end('Session ended', false)),
      { onBytes: (bytes) => term.write(bytes), resume: false },
    );
    sub.result.then(
      (opened) => {
        titled.current(opened.title);
        if (!ended) set({ phase: 'open', command: opened.command });
        term.focus();
      },
      (e: unknown) => end(`Could not start the session: ${toBridgeError(e).message}`, true),
    );
    const subs = [
      term.onData((d) => !ended && sub.sendBytes(encoder.encode(d))),
      term.onBinary((d) => !ended && sub.sendBytes(Uint8Array.from(d, (c) => c.charCodeAt(0) & 0xff))),
      term.onResize(({ cols, rows }) => {
        if (!ended) client.call('terminal.resize', { sessionId: sub.id, cols, rows }).catch(() => undefined);
      }),
    ];
    return () => {
      for (const s of subs) s.dispose();
      sub.cancel();
    };
  }, [client, target, attempt]);

  useEffect(() => {
    if (!visible) return;
    xtermRef.current?.fit();
    xtermRef.current?.term.focus();
  }, [visible]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!visible || !(e.ctrlKey || e.metaKey) || !e.shiftKey || e.code !== 'KeyF') return;
      e.preventDefault();
      setSearching(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [visible]);

  return (
    <>
      {state.phase === 'ended' ? (
        <div className={`term-banner${state.dropped ? '' : ' info'}`} role={state.dropped ? 'alert' : 'status'}>
          <span>{state.message}</span>
          <button onClick={() => setAttempt((n) => n + 1)}>Reconnect</button>
        </div>
      ) : null}
      {searching && xtermRef.current ? <TerminalSearch search={xtermRef.current.search} onClose={() => (setSearching(false), xtermRef.current?.term.focus())} /> : null}
      <div className="term-host" ref={hostRef} data-testid="terminal" data-state={state.phase} />
    </>
  );
}
