// Why the current cluster or the engine cannot be used right now, and what to check.
import type { ClusterSummary } from '../../shared/bridge/types';
import { Banner } from '../components/Banner';

const HINT: Record<string, string> = {
  connecting: 'Connecting to',
  offline: 'Cannot reach',
  unauthorized: 'The credentials were refused by',
  forbidden: 'Access is denied on',
  disconnected: 'Not connected to',
};

export function ClusterBanners({ engineUp, cluster, clustersError, onRetry }: { engineUp?: boolean; cluster?: ClusterSummary; clustersError?: string; onRetry(): void }) {
  return (
    <div className="banners">
      {engineUp === false ? (
        <Banner tone="error" title="Disconnected from the Wheelhouse engine.">
          Reconnecting… Changes made now are not sent.
        </Banner>
      ) : null}
      {clustersError ? <Banner tone="error" title="Could not list clusters.">{clustersError}</Banner> : null}
      {cluster && cluster.state !== 'online' ? (
        <Banner tone={cluster.state === 'connecting' ? 'info' : 'error'} title={`${HINT[cluster.state] ?? ''} ${cluster.name}${cluster.server ? ` (${cluster.server})` : ''}.`}>
          {cluster.stateMessage ?? ''}{' '}
          {cluster.state !== 'connecting' ? (
            <button className="link" onClick={onRetry}>
              Retry
            </button>
          ) : null}
        </Banner>
      ) : null}
      {cluster?.warnings.map((w) => (
        <Banner key={w} tone="warning" title="Warning:">
          {w}
        </Banner>
      ))}
    </div>
  );
}
