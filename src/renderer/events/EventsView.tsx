// Live events, newest first, filtered by type, namespace and text; virtualized like the resource
// table so thousands of events stay cheap. A row's object opens in the details drawer.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EventRow } from '../../shared/bridge/methods-deploy';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';
import { adoptDeployStyles } from '../deploy/styles';
import { useNow } from '../components/useNow';
import { ago, filterEvents } from './filter';

const ROW = 26;

export function EventsView({ clusterId, namespaces, onOpenObject }: { clusterId: string; namespaces: string[]; onOpenObject(o: EventRow['involved']): void }) {
  adoptDeployStyles();
  const client = useBridge();
  const now = useNow();
  const [rows, setRows] = useState<EventRow[]>([]);
  const [error, setError] = useState<string>();
  const [type, setType] = useState('');
  const [namespace, setNamespace] = useState(namespaces.length === 1 ? namespaces[0] : '');
  const [text, setText] = useState('');
  useEffect(() => {
    const sub = client.subscribe('events.watch', { clusterId }, setRows, (e) => e && setError(e.message));
    sub.result.then(setRows, (e: unknown) => setError(toBridgeError(e).message));
    return () => sub.cancel();
  }, [client, clusterId]);
  const shown = useMemo(() => filterEvents(rows, { type, namespace, text }), [rows, type, namespace, text]);
  const allNs = useMemo(() => [...new Set(rows.map((r) => r.namespace))].sort(), [rows]);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });
  return (
    <div className="events-view" data-testid="events-view">
      <h2>Events</h2>
      <div className="events-toolbar">
        <select aria-label="Type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">All types</option>
          <option>Normal</option>
          <option>Warning</option>
        </select>
        <select aria-label="Namespace" value={namespace} onChange={(e) => setNamespace(e.target.value)}>
          <option value="">All namespaces</option>
          {allNs.map((n) => (
            <option key={n} value={n}>{n || '(cluster)'}</option>
          ))}
        </select>
        <input aria-label="Filter events" placeholder="Filter by reason, message, object" value={text} onChange={(e) => setText(e.target.value)} />
        <span className="muted" data-testid="events-count">{shown.length} of {rows.length}</span>
      </div>
      {error ? <p className="error-text" role="alert">Events stopped: {error}</p> : null}
      <div className="events-scroll" ref={scroller}>
        <div className="ev-row ev-head" style={{ position: 'sticky' }}>
          <span>Age</span><span className="ev-type">Type</span><span>Reason</span><span>Object</span><span>Message</span><span>Count</span>
        </div>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((it) => {
            const e = shown[it.index];
            return (
              <div key={e.uid} className={`ev-row ${e.type}`} style={{ top: it.start }} data-reason={e.reason}>
                <span className="muted">{ago(e.lastSeen, now)}</span>
                <span className="ev-type">{e.type}</span>
                <span>{e.reason}</span>
                <span>
                  <button className="link" onClick={() => onOpenObject({ ...e.involved, namespace: e.involved.namespace ?? e.namespace })} title={`${e.namespace}/${e.involved.kind}/${e.involved.name}`}>
                    {e.involved.kind}/{e.involved.name}
                  </button>
                </span>
                <span title={e.message}>{e.message}</span>
                <span className="muted">{e.count}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
