// The engine's one entry to terminals and port-forwards: registers both on the bridge and brings
// back the remembered forwards. services.ts calls this once.
import { join } from 'node:path';
import type { BridgeRouter } from '../../engine/bridge/router';
import type { ClusterServices } from '../create-cluster-services';
import type { Logger } from '../logger';
import { PortForwardService } from '../port-forwards/port-forward-service';
import { registerPortForwards } from '../port-forwards/register-port-forwards';
import { PortForwardStore } from '../port-forwards/store';
import { registerTerminals } from './register-terminals';

export interface TerminalServicesOptions {
  configDir: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** desktop: open a URL in the user's browser */
  openExternal?: (url: string) => Promise<void>;
}

export function registerTerminalServices(router: BridgeRouter, clusters: ClusterServices, options: TerminalServicesOptions): { dispose(): void } {
  const terminals = registerTerminals(router, { contexts: clusters.source, connections: clusters.connections, configDir: options.configDir, env: options.env ?? process.env });
  const forwards = new PortForwardService({ connections: clusters.connections, store: new PortForwardStore(join(options.configDir, 'port-forwards.json')), logger: options.logger });
  registerPortForwards(router, forwards, { openExternal: options.openExternal });
  forwards.restore();
  return {
    dispose: () => {
      terminals.dispose();
      forwards.dispose();
    },
  };
}
