// Every port-forward of the app: started from the UI, remembered per cluster in
// port-forwards.json, brought back when the engine starts, and poked when a cluster comes back
// online so reconnecting forwards do not wait out their backoff.
import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { PortForwardInfo, PortForwardSpec } from '../../../shared/bridge/methods-terminals';
import { BridgeFailure } from '../../engine/bridge/errors';
import type { BackoffOptions } from '../connections/backoff';
import type { Logger } from '../logger';
import { Forward } from './forward';
import { resolveTarget, TargetError, type ResolvedTarget } from './resolve-target';
import type { PortForwardStore, SavedForward } from './store';
import { portForwardDial, type Dial } from './tunnel';

export interface PortForwardServiceDeps {
  connections: { kubeConfigFor(clusterId: string): Promise<KubeConfig>; onDidComeOnline(listener: (s: { clusterId: string }) => void): { dispose(): void } };
  store: PortForwardStore;
  logger: Logger;
  /** how a connection reaches the pod; pods/portforward through the API server unless told */
  dial?: (kc: KubeConfig) => Dial;
  resolve?: (kc: KubeConfig, spec: PortForwardSpec) => Promise<ResolvedTarget>;
  backoff?: BackoffOptions;
}

export class PortForwardService {
  private readonly forwards = new Map<string, Forward>();
  private readonly listeners = new Set<() => void>();
  private readonly onlineSub: { dispose(): void };

  constructor(private readonly deps: PortForwardServiceDeps) {
    this.onlineSub = deps.connections.onDidComeOnline(({ clusterId }) => {
      for (const f of this.forwards.values()) if (f.spec.clusterId === clusterId) f.poke();
    });
  }

  /** brings back the remembered forwards; one that cannot start now keeps retrying */
  restore(): void {
    for (const saved of this.deps.store.read()) {
      const forward = this.make(saved);
      forward.start().catch((err: Error) => {
        this.deps.logger.warn(`port-forward ${describe(saved)} could not be restored: ${err.message}`);
        this.forwards.delete(saved.id);
        this.changed();
      });
    }
  }

  async start(spec: PortForwardSpec): Promise<PortForwardInfo> {
    const saved = validate(spec);
    // a new forward must reach its target now, so a typo is told at once rather than retried forever
    const kc = await this.deps.connections.kubeConfigFor(saved.clusterId);
    await this.resolveWith(kc, saved);
    const forward = this.make(saved);
    try {
      await forward.start();
    } catch (err) {
      this.forwards.delete(saved.id);
      this.changed();
      throw new BridgeFailure('Invalid', (err as Error).message);
    }
    this.save();
    return forward.info();
  }

  stop(id: string): void {
    const forward = this.forwards.get(id);
    if (!forward) throw new BridgeFailure('NotFound', `no port-forward ${id}`);
    forward.stop();
    this.forwards.delete(id);
    this.save();
    this.changed();
  }

  get(id: string): PortForwardInfo | undefined {
    return this.forwards.get(id)?.info();
  }

  list(clusterId?: string): PortForwardInfo[] {
    return [...this.forwards.values()].map((f) => f.info()).filter((f) => !clusterId || f.clusterId === clusterId);
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.onlineSub.dispose();
    for (const f of this.forwards.values()) f.stop();
    this.forwards.clear();
  }

  private make(saved: SavedForward): Forward {
    const forward = new Forward(saved, {
      resolve: async (s) => this.resolveWith(await this.deps.connections.kubeConfigFor(s.clusterId), s),
      dial: async (s) => (this.deps.dial ?? portForwardDial)(await this.deps.connections.kubeConfigFor(s.clusterId)),
      onChange: () => this.changed(),
      backoff: this.deps.backoff,
    });
    this.forwards.set(saved.id, forward);
    return forward;
  }

  private async resolveWith(kc: KubeConfig, spec: PortForwardSpec): Promise<ResolvedTarget> {
    try {
      return await (this.deps.resolve ?? resolveTarget)(kc, spec);
    } catch (err) {
      if (err instanceof TargetError) throw new BridgeFailure('Invalid', `port-forward ${describe(spec)}: ${err.message}`);
      throw err;
    }
  }

  private save(): void {
    this.deps.store.write([...this.forwards.values()].map((f) => f.spec));
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

function validate(spec: PortForwardSpec): SavedForward {
  const { clusterId, namespace, target, port, localPort } = spec ?? ({} as PortForwardSpec);
  if (!clusterId || !namespace) throw new BridgeFailure('Invalid', 'a port-forward needs the cluster and the namespace');
  if (!target || (target.kind !== 'pod' && target.kind !== 'service') || !target.name) throw new BridgeFailure('Invalid', 'a port-forward needs a target: {kind: "pod" | "service", name}');
  if (typeof port !== 'number' && (typeof port !== 'string' || !port)) throw new BridgeFailure('Invalid', 'a port-forward needs a port (number or name)');
  const local = localPort ?? 0;
  if (!Number.isInteger(local) || local < 0 || local > 65535) throw new BridgeFailure('Invalid', `local port ${local} is not a port number (0 picks a free one)`);
  return { id: randomUUID(), clusterId, namespace, target: { kind: target.kind, name: target.name }, port, localPort: local };
}

function describe(spec: PortForwardSpec): string {
  return `${spec.target.kind}/${spec.target.name} port ${spec.port} in ${spec.namespace}`;
}
