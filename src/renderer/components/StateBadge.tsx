import type { ConnectionState } from '../../shared/bridge/types';

export function StateBadge({ state, title }: { state: ConnectionState; title?: string }) {
  return (
    <span className={`badge state-${state}`} title={title ?? state}>
      {state}
    </span>
  );
}
