// How any part of the UI (details drawer, top bar, actions) reaches the dock: open a terminal,
// show the port-forwards, start a forward. The dock itself lives in the app shell, so its sessions
// survive switching views, kinds and clusters.
import { createContext, useContext } from 'react';
import type { PortForwardSpec, TerminalTarget } from '../../shared/bridge/methods-terminals';

export interface TerminalDockApi {
  openTerminal(target: TerminalTarget): void;
  showForwards(): void;
  /** asks for the local port, then starts the forward */
  startForward(spec: Omit<PortForwardSpec, 'localPort'>): void;
  /** the built-in cluster (node shell offered only there) */
  isBuiltIn(clusterId: string): boolean;
}

export const TerminalDockContext = createContext<TerminalDockApi | null>(null);

export function useTerminalDock(): TerminalDockApi | null {
  return useContext(TerminalDockContext);
}
