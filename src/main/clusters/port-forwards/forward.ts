// One port-forward: a listener on 127.0.0.1 that stays bound while the forward lives, and a target
// (pod + port) re-resolved whenever a connection cannot be carried. When the target is gone (pod
// deleted, cluster offline) the forward says "reconnecting" and retries with backoff (1 s … 30 s),
// and at once when the cluster comes back; a Service forward then lands on another ready pod.
import { createServer, type Server, type Socket } from 'node:net';
import type { PortForwardInfo, PortForwardState } from '../../../shared/bridge/methods-terminals';
import { backoffDelay, defaultBackoff, type BackoffOptions } from '../connections/backoff';
import type { SavedForward } from './store';
import type { ResolvedTarget } from './resolve-target';
import type { Dial } from './tunnel';

export interface ForwardDeps {
  resolve(spec: SavedForward): Promise<ResolvedTarget>;
  dial(spec: SavedForward): Promise<Dial>;
  onChange(): void;
  backoff?: BackoffOptions;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
}

const realTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  t.unref?.();
  return { cancel: () => clearTimeout(t) };
};

export class Forward {
  private server?: Server;
  private resolved?: ResolvedTarget;
  private state: PortForwardState = 'starting';
  private message?: string;
  private failures = 0;
  private timer?: { cancel(): void };
  private readonly sockets = new Set<Socket>();
  private stopped = false;

  constructor(
    public spec: SavedForward,
    private readonly deps: ForwardDeps,
  ) {}

  info(): PortForwardInfo {
    const { id, clusterId, namespace, target, port, localPort } = this.spec;
    return { id, clusterId, namespace, target, port, localPort, pod: this.resolved?.pod, podPort: this.resolved?.podPort, state: this.state, ...(this.message ? { message: this.message } : {}), url: `http://127.0.0.1:${localPort}`, connections: this.sockets.size };
  }

  /** binds the listener (throws if the local port is taken), then resolves the target; failures there retry */
  async start(): Promise<void> {
    await this.listen();
    await this.refresh();
  }

  /** resolves the target again now (the cluster came back, or a connection failed) */
  async refresh(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.stopped) return;
    try {
      this.resolved = await this.deps.resolve(this.spec);
      this.failures = 0;
      this.set('active', undefined);
    } catch (err) {
      this.resolved = undefined;
      this.retryLater(errorMessage(err));
    }
  }

  /** retries now if it is waiting to reconnect */
  poke(): void {
    if (this.state === 'reconnecting') void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    for (const s of this.sockets) s.destroy();
    this.server?.close();
    this.set('stopped', undefined);
  }

  private listen(): Promise<void> {
    const server = createServer((socket) => void this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        reject(new Error(err.code === 'EADDRINUSE' ? `local port ${this.spec.localPort} is already in use on 127.0.0.1` : `cannot listen on 127.0.0.1:${this.spec.localPort}: ${err.message}`));
      });
      // loopback only: a forward must never expose a pod to the network
      server.listen(this.spec.localPort, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address === 'object') this.spec = { ...this.spec, localPort: address.port };
        resolve();
      });
    });
  }

  private async accept(socket: Socket): Promise<void> {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.deps.onChange();
    });
    socket.on('error', () => undefined);
    this.deps.onChange();
    // one fresh look at the target if the last one failed, so a pod replaced meanwhile is found
    for (let attempt = 0; attempt < 2 && !socket.destroyed; attempt++) {
      if (!this.resolved) await this.refresh();
      const target = this.resolved;
      if (!target) break;
      try {
        const dial = await this.deps.dial(this.spec);
        await dial({ namespace: this.spec.namespace, pod: target.pod, port: target.podPort }, socket, (message) => this.set(this.state, message));
        return;
      } catch (err) {
        this.resolved = undefined;
        this.message = errorMessage(err);
      }
    }
    socket.destroy();
    if (!this.resolved) this.retryLater(this.message ?? 'the target cannot be reached');
  }

  private retryLater(message: string): void {
    if (this.stopped) return;
    this.failures++;
    this.set('reconnecting', message);
    this.timer?.cancel();
    const wait = backoffDelay(this.failures, this.deps.backoff ?? defaultBackoff);
    this.timer = (this.deps.setTimer ?? realTimer)(() => void this.refresh(), wait);
  }

  private set(state: PortForwardState, message: string | undefined): void {
    this.state = state;
    this.message = message;
    this.deps.onChange();
  }
}

function errorMessage(err: unknown): string {
  const e = err as { message?: string; body?: { message?: string } };
  return e?.body?.message ?? e?.message ?? String(err);
}
