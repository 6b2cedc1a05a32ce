// A rollout as it happens: replicas Ready against desired, each pod's phase, and for a stuck pod
// why, in words, with the crashed container's last lines. Fed by the deploy.watch stream.
import { useEffect, useState } from 'react';
import type { RolloutState } from '../../shared/bridge/methods-deploy';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';

export interface RolloutTarget {
  kind: RolloutState['kind'];
  namespace: string;
  name: string;
}

export function useRollout(clusterId: string, t: RolloutTarget): { state?: RolloutState; error?: string } {
  const client = useBridge();
  const [state, setState] = useState<RolloutState>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const sub = client.subscribe('deploy.watch', { clusterId, ...t }, setState, (e) => e && setError(e.message));
    sub.result.then(setState, (e: unknown) => setError(toBridgeError(e).message));
    return () => sub.cancel();
  }, [client, clusterId, t.kind, t.namespace, t.name]);
  return { state, error };
}

const dotOf = (p: RolloutState['pods'][number]) => (p.ready ? 'ok' : p.problem && !p.problem.startsWith('running, waiting') ? 'err' : 'warn');

export function RolloutPanel({ clusterId, target }: { clusterId: string; target: RolloutTarget }) {
  const { state, error } = useRollout(clusterId, target);
  if (error) return <p className="error-text" role="alert">Cannot follow {target.kind} {target.name}: {error}</p>;
  if (!state) return <p className="muted">Waiting for {target.kind} {target.name}…</p>;
  const pct = state.desired ? Math.round((100 * state.ready) / state.desired) : state.done ? 100 : 0;
  return (
    <section className="rollout" data-testid="rollout" data-done={state.done}>
      <div className="rollout-head">
        <span className={`dot ${state.done ? 'ok' : 'warn'}`} />
        <span className="summary" data-testid="rollout-summary">
          {state.kind} {state.namespace}/{state.name}: {state.summary}
        </span>
        {state.kind !== 'CronJob' ? (
          <div className="rollout-bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
            <div style={{ width: `${pct}%` }} />
          </div>
        ) : null}
        {state.done ? <strong className="ok-text">Done</strong> : null}
      </div>
      {state.pods.length === 0 ? (
        <p className="muted">No pods yet.</p>
      ) : (
        <table className="rollout-pods">
          <thead>
            <tr>
              <th>Pod</th>
              <th>Phase</th>
              <th>Ready</th>
              <th>Restarts</th>
              <th>Why not Ready</th>
            </tr>
          </thead>
          <tbody>
            {state.pods.map((p) => (
              <tr key={p.name} data-pod={p.name} data-ready={p.ready}>
                <td>
                  <span className={`dot ${dotOf(p)}`} />
                  {p.name}
                </td>
                <td>{p.phase}</td>
                <td>{p.ready ? 'Ready' : 'not ready'}</td>
                <td>{p.restarts}</td>
                <td className={dotOf(p) === 'err' ? 'problem' : 'muted'}>
                  {p.problem ?? ''}
                  {p.logTail?.length ? <pre aria-label={`last lines of ${p.name}`}>{p.logTail.join('\n')}</pre> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
