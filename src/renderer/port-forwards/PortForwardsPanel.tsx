// The running port-forwards of every cluster, live: where each listens, where it goes, its state,
// and Open / Stop.
import { useEffect, useState } from 'react';
import type { PortForwardInfo } from '../../shared/bridge/methods-terminals';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';

export function PortForwardsPanel() {
  const client = useBridge();
  const [list, setList] = useState<PortForwardInfo[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const sub = client.subscribe('portForward.watch', undefined, setList, (e) => e && setError(e.message));
    sub.result.then(setList, (e: unknown) => setError(toBridgeError(e).message));
    return () => sub.cancel();
  }, [client]);
  const open = (f: PortForwardInfo) => {
    // desktop: the engine asks the shell to open the user's browser; web mode: a new tab
    if (window.wheelhouseBridge) client.call('portForward.open', { id: f.id }).catch((e: unknown) => setError(toBridgeError(e).message));
    else window.open(f.url, '_blank', 'noopener,noreferrer');
  };
  const stop = (f: PortForwardInfo) => client.call('portForward.stop', { id: f.id }).catch((e: unknown) => setError(toBridgeError(e).message));
  return (
    <div className="forwards" aria-label="Port-forwards">
      {error ? <p className="error-text">{error}</p> : null}
      {!list ? <p className="muted">Loading…</p> : !list.length ? <p className="muted">No port-forwards. Start one from a pod's or a Service's ports in its details.</p> : (
        <table>
          <thead>
            <tr>
              <th>Local</th>
              <th>Target</th>
              <th>Pod</th>
              <th>Cluster</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((f) => (
              <tr key={f.id} data-testid="port-forward">
                <td className="mono">127.0.0.1:{f.localPort}</td>
                <td>
                  {f.target.kind}/{f.target.name}:{f.port} <span className="muted">in {f.namespace}</span>
                </td>
                <td className="mono">{f.pod ? `${f.pod}:${f.podPort}` : '—'}</td>
                <td>{f.clusterId === 'local' ? 'Local cluster' : (f.clusterId.split('#')[1] ?? f.clusterId)}</td>
                <td className={`state-${f.state}`} title={f.message}>
                  {f.state}
                  {f.message ? <div className="muted">{f.message}</div> : null}
                  {f.connections ? <div className="muted">{f.connections} open</div> : null}
                </td>
                <td>
                  <button onClick={() => open(f)} disabled={f.state !== 'active'}>Open</button> <button className="danger-outline" onClick={() => stop(f)}>Stop</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
