// Hands the one BridgeClient to every component, and tracks whether the engine is reachable.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { BridgeClient } from './client';

const BridgeContext = createContext<BridgeClient | null>(null);

export function BridgeProvider({ client, children }: { client: BridgeClient; children: ReactNode }) {
  return <BridgeContext.Provider value={client}>{children}</BridgeContext.Provider>;
}

export function useBridge(): BridgeClient {
  const client = useContext(BridgeContext);
  if (!client) throw new Error('useBridge outside <BridgeProvider>');
  return client;
}

/** true while the channel to the engine is up; undefined before the first connection */
export function useEngineConnected(): boolean | undefined {
  const client = useBridge();
  const [state, setState] = useState<boolean | undefined>(client.isConnected ? true : undefined);
  useEffect(() => client.onStatus(setState), [client]);
  return state;
}
