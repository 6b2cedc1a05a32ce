// Registers the engine's services on the bridge router. Each service folder exports its own
// register function; this is the one place that lists them.
import type { BridgeRouter } from './bridge/router';

export interface ServiceDeps {
  localKubeconfigPath: string;
  configDir: string;
  log: (line: string) => void;
}

export async function registerServices(_router: BridgeRouter, _deps: ServiceDeps): Promise<{ stop(): Promise<void> }> {
  return { stop: async () => undefined };
}
