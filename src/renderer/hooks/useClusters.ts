// The live list of clusters (every kubeconfig context plus the built-in one) with their states.
import { useEffect, useState } from 'react';
import type { ClusterSummary } from '../../shared/bridge/types';
import type { BridgeError } from '../../shared/bridge/protocol';
import { useBridge } from '../bridge/context';
import { toBridgeError } from './useCall';

/** The built-in cluster first, then the rest in kubeconfig order. */
export function orderClusters(list: ClusterSummary[]): ClusterSummary[] {
  return [...list.filter((c) => c.builtIn), ...list.filter((c) => !c.builtIn)];
}

export function useClusters(): { clusters: ClusterSummary[]; loaded: boolean; error?: BridgeError } {
  const client = useBridge();
  const [state, setState] = useState<{ clusters: ClusterSummary[]; loaded: boolean; error?: BridgeError }>({ clusters: [], loaded: false });
  useEffect(() => {
    const set = (list: ClusterSummary[]) => setState({ clusters: orderClusters(list), loaded: true });
    const sub = client.subscribe('clusters.watch', undefined, set, (error) => error && setState((s) => ({ ...s, error })));
    sub.result.then(set, (err: unknown) => setState((s) => ({ ...s, loaded: true, error: toBridgeError(err) })));
    return () => sub.cancel();
  }, [client]);
  return state;
}
