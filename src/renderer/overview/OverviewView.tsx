// The first view of a cluster: nodes (capacity vs requests vs usage), pods by phase, and the
// recent Warning events. Refreshed every few seconds while shown.
import { useEffect } from 'react';
import { useBridge } from '../bridge/context';
import { useCall } from '../hooks/useCall';
import { Banner } from '../components/Banner';
import { adoptDeployStyles } from '../deploy/styles';
import { CapacityBar, Donut, phaseColour } from './charts';

const REFRESH_MS = 5000;

export const cores = (milli: number): string => (milli >= 1000 ? `${(milli / 1000).toFixed(milli % 1000 ? 1 : 0)} cores` : `${Math.round(milli)}m`);
export const bytes = (n: number): string => {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 10 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
};

export function OverviewView({ clusterId, clusterName, onOpenEvents }: { clusterId: string; clusterName: string; onOpenEvents(): void }) {
  adoptDeployStyles();
  const client = useBridge();
  const call = useCall(`overview|${clusterId}`, () => client.call('overview.get', { clusterId }));
  const { reload } = call;
  useEffect(() => {
    const t = setInterval(reload, REFRESH_MS);
    return () => clearInterval(t);
  }, [reload]);
  const o = call.data;
  return (
    <div className="overview" data-testid="overview">
      <h2>Overview of {clusterName}</h2>
      {call.error ? <Banner tone="error" title="Could not read the cluster's overview.">{call.error.message}</Banner> : null}
      {!o ? <p className="muted">Loading…</p> : null}
      {o ? (
        <>
          <h3>Nodes ({o.nodes.length})</h3>
          {o.metricsUnavailable ? <p className="muted" data-testid="metrics-unavailable">Usage: {o.metricsUnavailable}</p> : null}
          <div className="ov-cards">
            {o.nodes.map((n) => (
              <div className="ov-card" key={n.name} data-node={n.name}>
                <h4>
                  <span className={`dot ${n.ready ? 'ok' : 'err'}`} />
                  {n.name} <span className="muted">{n.ready ? 'Ready' : 'NotReady'} · {n.pods.count} of {n.pods.capacity} pods</span>
                </h4>
                <CapacityBar label="CPU" capacity={n.cpu.allocatableMilli} requested={n.cpu.requestedMilli} used={n.cpu.usedMilli} format={cores} />
                <CapacityBar label="Memory" capacity={n.memory.allocatableBytes} requested={n.memory.requestedBytes} used={n.memory.usedBytes} format={bytes} />
                <div className="ov-legend">
                  <span><i style={{ background: '#e1e4e8' }} />allocatable</span>
                  <span><i style={{ background: '#8fb8f6' }} />requested</span>
                  <span><i style={{ background: '#1f4fa8' }} />used</span>
                </div>
              </div>
            ))}
          </div>
          <h3>Pods</h3>
          <div className="ov-card ov-donut" data-testid="pod-phases">
            <Donut counts={o.podsByPhase} />
            <ul>
              {Object.entries(o.podsByPhase).map(([phase, n]) => (
                <li key={phase} data-phase={phase}>
                  <span className="dot" style={{ background: phaseColour(phase) }} />
                  {phase}: {n}
                </li>
              ))}
            </ul>
          </div>
          <h3>
            Recent warnings ({o.warnings.length}){' '}
            <button className="link" onClick={onOpenEvents}>all events →</button>
          </h3>
          {o.warnings.length === 0 ? (
            <p className="muted">No Warning events.</p>
          ) : (
            <table className="ov-warnings" data-testid="warnings">
              <tbody>
                {o.warnings.map((w, i) => (
                  <tr key={i}>
                    <td className="error-text">{w.reason}</td>
                    <td>{w.namespace ? `${w.namespace}/` : ''}{w.object}</td>
                    <td>{w.message}</td>
                    <td className="muted">{w.count > 1 ? `×${w.count}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </div>
  );
}
